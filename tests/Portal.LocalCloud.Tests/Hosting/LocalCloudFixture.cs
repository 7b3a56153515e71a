namespace Portal.LocalCloud.Tests.Hosting;

/// <summary>One LocalCloud per test assembly (in memory, instant lifecycle); tests use unique names.</summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    private LocalCloudServer? _server;

    public string Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("LocalCloud is not started.");

    public LocalCloudServer Server => _server ?? throw new InvalidOperationException("LocalCloud is not started.");

    public async ValueTask InitializeAsync() => _server = await LocalCloudServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
