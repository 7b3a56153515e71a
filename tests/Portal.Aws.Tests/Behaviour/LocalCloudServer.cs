using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.LocalCloud;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// LocalCloud hosted in-process on Kestrel at 127.0.0.1 on a free port, in memory, with instant lifecycles:
/// the same wiring the standalone emulator uses (<c>AddLocalCloud</c> + <c>MapLocalCloud</c>).
/// </summary>
internal sealed class LocalCloudServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalCloudServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>Base URL, e.g. http://127.0.0.1:41234 (no trailing slash in <see cref="Uri.ToString"/> of the authority).</summary>
    public Uri Endpoint { get; }

    public string Url => Endpoint.GetLeftPart(UriPartial.Authority);

    public IServiceProvider Services => _app.Services;

    public static async Task<LocalCloudServer> StartAsync(Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LocalCloud:LifecycleSeconds"] = "0" });
        configure?.Invoke(builder.Services);
        builder.Services.AddLocalCloud(builder.Configuration);
        var app = builder.Build();
        app.MapLocalCloud();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new LocalCloudServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
