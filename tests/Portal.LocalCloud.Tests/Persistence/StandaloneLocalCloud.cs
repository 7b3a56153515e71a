using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.LocalCloud.Tests.Persistence;

/// <summary>LocalCloud as a separate process (<c>dotnet Portal.LocalCloud.dll --urls …</c>) with a data directory.</summary>
public sealed class StandaloneLocalCloud : IAsyncDisposable
{
    private readonly Process _process;

    private StandaloneLocalCloud(Process process, string endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public static async Task<StandaloneLocalCloud> StartAsync(string dataDirectory)
    {
        var port = FreePort();
        var endpoint = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.LocalCloud.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(endpoint);
        start.Environment["LocalCloud__DataDirectory"] = dataDirectory;
        var process = Process.Start(start) ?? throw new InvalidOperationException("LocalCloud did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Assert.False(process.HasExited, "the LocalCloud process exited during start-up");
            try
            {
                using var response = await http.GetAsync(endpoint + "/_localcloud/health", TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return new StandaloneLocalCloud(process, endpoint);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("LocalCloud did not become healthy");
    }

    /// <summary>Kills the process with SIGKILL: no shutdown hooks, no flushing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
