namespace Portal.LocalCloud.Tests.Hosting;

/// <summary>A test class with its own LocalCloud on loopback, started before each test and stopped after it.</summary>
public abstract class LocalCloudTest : IAsyncLifetime
{
    private LocalCloudServer? _server;

    protected LocalCloudServer Server => _server ?? throw new InvalidOperationException("LocalCloud has not been started.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await LocalCloudServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
