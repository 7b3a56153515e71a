using System.Net.Http.Json;
using Amazon.SimpleSystemsManagement.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wire;

/// <summary>Faults set through <c>POST /_localcloud/faults</c> reach the clients as AWS throttling and 5xx errors.</summary>
public sealed class FaultInjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_throttle_rule_for_one_operation_throttles_it_and_leaves_others_alone()
    {
        await using var server = await LocalCloudServer.StartAsync();
        using var http = new HttpClient();
        using var set = await http.PostAsJsonAsync(server.Endpoint + "/_localcloud/faults", new[] { new { service = "ssm", operation = "GetParameter", throttleRate = 1.0 } }, Ct);
        using var ssm = SdkClients.Ssm(server.Endpoint);
        await ssm.PutParameterAsync(new PutParameterRequest { Name = "/f/p", Value = "v", Type = "String" }, Ct);

        var error = await Assert.ThrowsAnyAsync<Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementException>(() => ssm.GetParameterAsync(new GetParameterRequest { Name = "/f/p" }, Ct));
        var others = await ssm.GetParametersAsync(new GetParametersRequest { Names = ["/f/p"] }, Ct);

        Assert.True(set.IsSuccessStatusCode);
        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Single(others.Parameters);
    }

    [Fact]
    public async Task A_server_error_rule_answers_503_and_an_invalid_rule_is_refused()
    {
        await using var server = await LocalCloudServer.StartAsync();
        using var http = new HttpClient();
        using var invalid = await http.PostAsJsonAsync(server.Endpoint + "/_localcloud/faults", new[] { new { service = "*", operation = "*", errorRate = 2.0 } }, Ct);
        using var set = await http.PostAsJsonAsync(server.Endpoint + "/_localcloud/faults", new[] { new { service = "sagemaker", operation = "*", errorRate = 1.0 } }, Ct);
        using var client = new AwsWireClient(server.Endpoint);

        var error = await Assert.ThrowsAsync<AwsWireException>(() => client.SageMakerAsync("ListNotebookInstances"));

        Assert.Equal(400, (int)invalid.StatusCode);
        Assert.Equal(503, error.Status);
        Assert.Equal("ServiceUnavailable", error.Code);
    }
}
