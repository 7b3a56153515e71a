using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.LocalCloud;
using Portal.Web.Configuration;

namespace Portal.Web.Hosting;

/// <summary>
/// Hosts LocalCloud in-process on its own loopback port for the embedded default
/// (<c>Cloud:Mode=LocalCloud</c>). Portal.Aws talks to it over real HTTP like to AWS.
/// Its state lives under <c>data/localcloud</c> so a restart loses nothing.
/// </summary>
public sealed partial class EmbeddedLocalCloud(
    IOptions<CloudOptions> cloud,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!cloud.Value.IsLocalCloud)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalCloudProgram).Assembly.GetName().Name,
            ContentRootPath = environment.ContentRootPath,
            EnvironmentName = environment.EnvironmentName,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalCloud:DataDirectory"] = Path.Combine(environment.ContentRootPath, "data", "localcloud"),

            // Lifecycles take a few seconds per transition, so a person sees notebooks go Pending → InService.
            ["LocalCloud:LifecycleSeconds"] = "3",
        });
        builder.Configuration.AddInMemoryCollection(configuration.GetSection("LocalCloud").AsEnumerable());
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls($"http://127.0.0.1:{cloud.Value.LocalCloudPort}");
        builder.Services.AddLocalCloud(builder.Configuration);
        _app = builder.Build();
        _app.MapLocalCloud();
        await _app.StartAsync(cancellationToken);

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Embedded LocalCloud started without an address.");
        var uri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        LogStarted(loggerFactory.CreateLogger<EmbeddedLocalCloud>(), uri);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded LocalCloud listening on {BaseAddress}")]
    private static partial void LogStarted(ILogger logger, Uri baseAddress);
}
