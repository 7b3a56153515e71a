using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.LocalCloud.Tests.Hosting;

/// <summary>LocalCloud hosted in-process on Kestrel at 127.0.0.1 on a free port.</summary>
public sealed class LocalCloudServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalCloudServer(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LocalCloudServer> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        configure?.Invoke(builder.Services);
        builder.Services.AddLocalCloud(builder.Configuration);
        var app = builder.Build();
        app.MapLocalCloud();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var endpoint = app.Urls.First().TrimEnd('/');
        return new LocalCloudServer(app, endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
