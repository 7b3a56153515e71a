using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Portal.Aws.Configuration;
using Portal.Aws.Credentials;
using Portal.Aws.Http;
using Portal.Aws.Protocols;
using Portal.Aws.Sdk;
using Portal.Aws.CloudFormation;
using Portal.Aws.Iam;
using Portal.Aws.SageMaker;
using Portal.Aws.ServiceCatalog;
using Portal.Core.Catalog;
using Portal.Core.Identity;
using Portal.Core.Parameters;
using Portal.Core.Provisioning;
using Portal.Core.Stacks;
using Portal.Core.Workloads;

namespace Portal.Aws;

public static class DependencyInjection
{
    /// <summary>Registers the AWS adapters that implement Portal.Core's gateway ports.</summary>
    public static IServiceCollection AddPortalAws(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AwsOptions>()
            .Bind(configuration.GetSection(AwsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new AwsEndpointResolver(sp.GetRequiredService<IOptionsMonitor<AwsOptions>>(), Environment.GetEnvironmentVariable));
        services.TryAddSingleton<PortalCredentials>();
        services.TryAddSingleton(sp => new AwsSdkClientFactory(
            sp.GetRequiredService<IOptionsMonitor<AwsOptions>>(),
            sp.GetRequiredService<AwsEndpointResolver>(),
            sp.GetService<Amazon.Runtime.HttpClientFactory>()));
        services.TryAddSingleton<IStsClient, SdkStsClient>();
        services.TryAddSingleton<StsRoleSessionProvider>();
        services.TryAddSingleton<IRoleSessionProvider>(sp => sp.GetRequiredService<StsRoleSessionProvider>());
        services.TryAddSingleton<IAwsCredentialSource>(sp => sp.GetRequiredService<StsRoleSessionProvider>());
        services.TryAddSingleton<IPersonaRoleDirectory, ConfiguredPersonaRoleDirectory>();

        services.TryAddTransient<AwsSigningHandler>();
        // Order matters: handlers added first are outermost, so the retry wraps the signer and every attempt is re-signed.
        var http = services.AddHttpClient(AwsTransport.HttpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                // The whole logical call may use every attempt and every backoff; attempts have their own limit.
                var retry = sp.GetRequiredService<IOptionsMonitor<AwsOptions>>().CurrentValue.Retry;
                client.Timeout = (retry.AttemptTimeout * (retry.MaxRetries + 1)) + (retry.MaxDelay * retry.MaxRetries) + TimeSpan.FromSeconds(5);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        http.AddResilienceHandler("aws-retry", (builder, context) =>
            {
                var retry = context.ServiceProvider.GetRequiredService<IOptionsMonitor<AwsOptions>>().CurrentValue.Retry;
                if (retry.MaxRetries > 0)
                {
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = retry.MaxRetries,
                        Delay = retry.BaseDelay,
                        MaxDelay = retry.MaxDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldHandle = args => AwsRetryClassifier.ShouldRetryAsync(args.Outcome),
                    });
                }

                builder.AddTimeout(retry.AttemptTimeout);
            });
        http.AddHttpMessageHandler<AwsSigningHandler>();

        services.TryAddSingleton<AwsTransport>();
        services.TryAddSingleton<AwsJsonProtocolClient>();
        services.TryAddSingleton<AwsQueryProtocolClient>();
        AddGateways(services);
        return services;
    }

    private static void AddGateways(IServiceCollection services)
    {
        services.TryAddSingleton<ICatalogAdministrationGateway, ServiceCatalogAdministrationGateway>();
        services.TryAddSingleton<IProductCatalogGateway, ServiceCatalogProductGateway>();
        services.TryAddSingleton<IProvisioningGateway, ServiceCatalogProvisioningGateway>();
        services.TryAddSingleton<INotebookGateway, SageMakerNotebookGateway>();
        services.TryAddSingleton<ITrainingJobGateway, SageMakerTrainingJobGateway>();
        services.TryAddSingleton<IProcessingJobGateway, SageMakerProcessingJobGateway>();
        services.TryAddSingleton<IModelEndpointGateway, SageMakerModelEndpointGateway>();
        services.TryAddSingleton<ILineageGateway, SageMakerLineageGateway>();
        services.TryAddSingleton<IRoleGateway, IamRoleGateway>();
        services.TryAddSingleton<IPolicySimulationGateway, IamPolicySimulationGateway>();
        services.TryAddSingleton<IStackGateway, CloudFormationStackGateway>();
        services.TryAddSingleton<ICallerIdentityGateway, StsCallerIdentityGateway>();
        services.TryAddSingleton<IParameterStore, SsmParameterStore>();
        services.TryAddSingleton<ITemplateStorage, S3TemplateStorage>();
        services.TryAddSingleton<INetworkGateway, Ec2NetworkGateway>();
        services.TryAddSingleton<IEncryptionKeyGateway, KmsEncryptionKeyGateway>();
    }
}
