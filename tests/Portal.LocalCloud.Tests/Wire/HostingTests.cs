using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wire;

public sealed class HostingTests
{
    [Fact]
    public async Task With_a_host_port_set_LocalCloud_ignores_requests_on_other_ports()
    {
        await using var server = await LocalCloudServer.StartAsync(new Dictionary<string, string?> { ["LocalCloud:HostPort"] = "1" });
        using var http = new HttpClient();

        using var response = await http.GetAsync(server.Endpoint + "/_localcloud/health", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_reports_whether_state_is_persisted()
    {
        await using var server = await LocalCloudServer.StartAsync();
        using var http = new HttpClient();

        var health = await http.GetStringAsync(server.Endpoint + "/_localcloud/health", TestContext.Current.CancellationToken);

        Assert.Contains("\"persistent\":false", health, StringComparison.Ordinal);
    }
}
