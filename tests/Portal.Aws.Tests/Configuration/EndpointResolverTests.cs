using Microsoft.Extensions.Options;
using Portal.Aws.Configuration;

namespace Portal.Aws.Tests.Configuration;

/// <summary>Which URL each service is sent to, and which region it signs for.</summary>
public sealed class EndpointResolverTests
{
    [Fact]
    public void Aws_mode_uses_real_regional_endpoints_and_iam_signs_for_us_east_1()
    {
        var resolver = Resolver(new AwsOptions { Mode = "Aws", Region = "eu-west-1" });

        Assert.Equal(new Uri("https://servicecatalog.eu-west-1.amazonaws.com/"), resolver.Resolve(AwsService.ServiceCatalog).Url);
        Assert.Equal(new Uri("https://api.sagemaker.eu-west-1.amazonaws.com/"), resolver.Resolve(AwsService.SageMaker).Url);
        var iam = resolver.Resolve(AwsService.Iam);
        Assert.Equal(new Uri("https://iam.amazonaws.com/"), iam.Url);
        Assert.Equal("us-east-1", iam.SigningRegion);
        Assert.False(iam.IsCustom);
        Assert.Equal("eu-west-1", resolver.Resolve(AwsService.CloudFormation).SigningRegion);
    }

    [Fact]
    public void Local_cloud_sends_every_service_to_the_service_url_and_signs_for_the_configured_region()
    {
        var resolver = Resolver(new AwsOptions { Mode = "LocalCloud", Region = "eu-west-1", ServiceUrl = new Uri("http://127.0.0.1:4566") });

        Assert.All(AwsService.All, service =>
        {
            var endpoint = resolver.Resolve(service);
            Assert.Equal(new Uri("http://127.0.0.1:4566"), endpoint.Url);
            Assert.Equal("eu-west-1", endpoint.SigningRegion);
            Assert.True(endpoint.IsCustom);
        });
    }

    [Fact]
    public void Precedence_is_configured_service_then_env_service_then_service_url_then_env_shared()
    {
        var options = new AwsOptions { Mode = "Aws", ServiceUrl = new Uri("http://service-url:1") };
        options.Endpoints["sagemaker"] = new Uri("http://configured:2");
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_SAGEMAKER"] = "http://env-sagemaker:3",
            ["AWS_ENDPOINT_URL_SERVICE_CATALOG"] = "http://env-sc:4",
            ["AWS_ENDPOINT_URL"] = "http://env-shared:5",
        };
        var resolver = Resolver(options, environment);

        Assert.Equal("configured", resolver.Resolve(AwsService.SageMaker).Url.Host);
        Assert.Equal("env-sc", resolver.Resolve(AwsService.ServiceCatalog).Url.Host);
        Assert.Equal("service-url", resolver.Resolve(AwsService.Iam).Url.Host);

        var withoutServiceUrl = Resolver(new AwsOptions { Mode = "Aws" }, environment);
        Assert.Equal("env-shared", withoutServiceUrl.Resolve(AwsService.CloudFormation).Url.Host);
    }

    [Fact]
    public void Ignoring_configured_endpoint_urls_disables_the_environment_variables()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://env-shared:5",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        };

        var endpoint = Resolver(new AwsOptions { Mode = "Aws", Region = "eu-west-1" }, environment).Resolve(AwsService.Ssm);

        Assert.Equal(new Uri("https://ssm.eu-west-1.amazonaws.com/"), endpoint.Url);
    }

    [Fact]
    public void Local_cloud_without_any_endpoint_uses_the_standalone_local_cloud_address()
    {
        var endpoint = Resolver(new AwsOptions { Mode = "LocalCloud", Region = "eu-west-1" }).Resolve(AwsService.Sts);

        Assert.Equal(new Uri("http://127.0.0.1:4566/"), endpoint.Url);
        Assert.True(endpoint.IsCustom);
        Assert.Equal("eu-west-1", endpoint.SigningRegion);
    }

    [Fact]
    public void A_malformed_environment_endpoint_is_a_clear_error()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_IAM"] = "not a url" };

        var error = Assert.Throws<InvalidOperationException>(() => Resolver(new AwsOptions { Mode = "Aws" }, environment).Resolve(AwsService.Iam));

        Assert.Contains("AWS_ENDPOINT_URL_IAM", error.Message, StringComparison.Ordinal);
    }

    private static AwsEndpointResolver Resolver(AwsOptions options, IReadOnlyDictionary<string, string>? environment = null) =>
        new(new StaticOptionsMonitor(options), name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);

    private sealed class StaticOptionsMonitor(AwsOptions value) : IOptionsMonitor<AwsOptions>
    {
        public AwsOptions CurrentValue => value;

        public AwsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AwsOptions, string?> listener) => null;
    }
}
