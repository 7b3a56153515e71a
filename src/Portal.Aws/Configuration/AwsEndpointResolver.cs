using Microsoft.Extensions.Options;

namespace Portal.Aws.Configuration;

/// <summary>
/// Chooses each service's endpoint, first match wins:
/// <c>Cloud:Endpoints:&lt;service&gt;</c>, <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, <c>Cloud:ServiceUrl</c>,
/// <c>AWS_ENDPOINT_URL</c>, then the real regional endpoint (LocalCloud mode: http://127.0.0.1:4566). <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>
/// disables the two environment variables. Real IAM signs for us-east-1; a custom endpoint signs for the configured region.
/// </summary>
internal sealed class AwsEndpointResolver
{
    /// <summary>Where a standalone LocalCloud listens unless told otherwise.</summary>
    public static readonly Uri LocalCloudDefaultUrl = new("http://127.0.0.1:4566/");

    private readonly IOptionsMonitor<AwsOptions> _options;
    private readonly Func<string, string?> _environment;

    public AwsEndpointResolver(IOptionsMonitor<AwsOptions> options, Func<string, string?> environment)
    {
        _options = options;
        _environment = environment;
    }

    public AwsEndpoint Resolve(AwsService service)
    {
        var options = _options.CurrentValue;
        var region = options.Region;
        var useEnvironment = !string.Equals(_environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);

        if (options.Endpoints.TryGetValue(service.Key, out var configured))
        {
            return new AwsEndpoint(configured, region, true, $"Cloud:Endpoints:{service.Key}");
        }

        if (useEnvironment && FromEnvironment("AWS_ENDPOINT_URL_" + service.EndpointId) is { } perService)
        {
            return new AwsEndpoint(perService, region, true, "AWS_ENDPOINT_URL_" + service.EndpointId);
        }

        if (options.ServiceUrl is { } serviceUrl)
        {
            return new AwsEndpoint(serviceUrl, region, true, "Cloud:ServiceUrl");
        }

        if (useEnvironment && FromEnvironment("AWS_ENDPOINT_URL") is { } shared)
        {
            return new AwsEndpoint(shared, region, true, "AWS_ENDPOINT_URL");
        }

        if (options.IsLocalCloud)
        {
            return new AwsEndpoint(LocalCloudDefaultUrl, region, true, "LocalCloud default");
        }

        var host = service.HostTemplate.Replace("{region}", region, StringComparison.Ordinal);
        return new AwsEndpoint(new Uri($"https://{host}/"), service.GlobalSigningRegion ?? region, false, "regional");
    }

    private Uri? FromEnvironment(string variable)
    {
        var value = _environment(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new InvalidOperationException($"{variable} is not an absolute http(s) URL.");
    }
}
