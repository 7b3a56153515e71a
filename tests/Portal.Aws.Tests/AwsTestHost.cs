using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Aws.Configuration;
using Portal.Aws.Protocols;
using Portal.Aws.Tests.Fakes;

namespace Portal.Aws.Tests;

/// <summary>
/// Builds Portal.Aws exactly as the portal does (<c>AddPortalAws</c>) with test settings: LocalCloud mode, region
/// eu-west-1, zero retry delays, a clock that ticks one second per reading, and no environment endpoint variables.
/// With a <see cref="RecordingHandler"/> the network end is replaced; without one, requests go to
/// <c>PORTAL_AWS_TEST_ENDPOINT</c> (default http://127.0.0.1:4566), e.g. a running LocalCloud.
/// </summary>
internal sealed class AwsTestHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 1, 15, 12, 34, 56, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private AwsTestHost(ServiceProvider provider) => _provider = provider;

    public static string BaseUrl => Environment.GetEnvironmentVariable("PORTAL_AWS_TEST_ENDPOINT") ?? "http://127.0.0.1:4566";

    public static AwsTestHost Create(
        RecordingHandler? network = null,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Cloud:Mode"] = "LocalCloud",
            ["Cloud:Region"] = "eu-west-1",
            ["Cloud:ServiceUrl"] = BaseUrl,
            ["Cloud:Retry:MaxRetries"] = "2",
            ["Cloud:Retry:BaseDelay"] = "00:00:00",
            ["Cloud:Retry:MaxDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? new TickingTimeProvider(Start, TimeSpan.FromSeconds(1)));
        services.AddSingleton(sp => new AwsEndpointResolver(sp.GetRequiredService<IOptionsMonitor<AwsOptions>>(), _ => null));
        configure?.Invoke(services);
        services.AddPortalAws(configuration);
        if (network is not null)
        {
            services.AddHttpClient(AwsTransport.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => network);
            services.AddSingleton<Amazon.Runtime.HttpClientFactory>(new RecordingSdkHttpClientFactory(network));
        }

        return new AwsTestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
