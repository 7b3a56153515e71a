using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.LocalCloud.Admin;
using Portal.LocalCloud.Auth;
using Portal.LocalCloud.Clock;
using Portal.LocalCloud.CloudFormation.Handler;
using Portal.LocalCloud.Ec2;
using Portal.LocalCloud.Faults;
using Portal.LocalCloud.Iam;
using Portal.LocalCloud.Kms;
using Portal.LocalCloud.Routing;
using Portal.LocalCloud.S3;
using Portal.LocalCloud.SageMaker;
using Portal.LocalCloud.ServiceCatalog;
using Portal.LocalCloud.Ssm;
using Portal.LocalCloud.State;
using Portal.LocalCloud.Sts;

namespace Portal.LocalCloud;

public static class DependencyInjection
{
    /// <summary>Registers LocalCloud's services. Configuration section: <c>LocalCloud</c>.</summary>
    public static IServiceCollection AddLocalCloud(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LocalCloudOptions>()
            .Bind(configuration.GetSection(LocalCloudOptions.SectionName))
            .Validate(o => o.LifecycleSeconds >= 0, "LocalCloud:LifecycleSeconds must not be negative.")
            .Validate(o => o.Credentials.All(c => c.AccessKeyId.Length > 0 && c.SecretAccessKey.Length > 0 && c.AccountId.Length == 12 && c.AccountId.All(char.IsAsciiDigit)), "LocalCloud:Credentials need AccessKeyId, SecretAccessKey and a 12-digit AccountId.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<LocalCloudOptions>>().Value);
        services.TryAddSingleton(sp => new LifecycleClock(
            sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<LocalCloudOptions>().LifecycleSeconds)));
        services.TryAddSingleton<CloudStateHolder>();
        services.TryAddSingleton<RequestAuthenticator>();
        services.TryAddSingleton(sp => new FaultInjector(sp.GetRequiredService<LocalCloudOptions>()));
        services.TryAddSingleton<ITrustPolicyEvaluator, Iam.PolicyEnforcement.EvaluatingTrustPolicyEvaluator>();
        services.TryAddSingleton<IProvisioningEngine, StackProvisioningEngine>();
        services.TryAddSingleton<StsStore>();
        services.TryAddSingleton<ProvisioningCoordinator>();
        services.TryAddSingleton<CloudFormationRuntime>();

        services.AddSingleton<IQueryService, StsHandler>();
        services.AddSingleton<IQueryService, IamHandler>();
        services.AddSingleton<IQueryService, Ec2Handler>();
        services.AddSingleton<IQueryService, CloudFormationHandler>();
        services.AddSingleton<IJsonService, KmsHandler>();
        services.AddSingleton<IJsonService, SsmHandler>();
        services.AddSingleton<IJsonService, ServiceCatalogHandler>();
        services.AddSingleton<IJsonService, SageMakerHandler>();
        services.TryAddSingleton<IRestXmlService, S3Handler>();
        services.TryAddSingleton<LocalCloudRouter>();
        return services;
    }

    /// <summary>Maps LocalCloud's wire endpoints and its admin endpoints under <c>/_localcloud/</c>.</summary>
    public static IEndpointRouteBuilder MapLocalCloud(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<LocalCloudOptions>();
        var group = endpoints.MapGroup(string.Empty);
        if (options.HostPort is { } port)
        {
            group.RequireHost($"*:{port}");
        }

        AdminEndpoints.Map(group);
        var router = endpoints.ServiceProvider.GetRequiredService<LocalCloudRouter>();
        group.Map("/{**path}", router.HandleAsync).WithDisplayName("LocalCloud AWS wire endpoint");
        return endpoints;
    }
}
