using System.Text;
using System.Text.Json.Nodes;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wire;

/// <summary>Errors exactly as each protocol's clients parse them, and authentication failures.</summary>
public sealed class WireErrorTests(LocalCloudFixture cloud)
{
    [Fact]
    public async Task An_unknown_json_target_is_UnknownOperationException_with_the_error_type_header()
    {
        using var client = new AwsWireClient(cloud.Endpoint);

        var error = await Assert.ThrowsAsync<AwsWireException>(() => client.JsonAsync("sagemaker", "SageMaker", "CreateHyperParameterTuningJob", []));

        Assert.Equal("UnknownOperationException", error.Code);
        Assert.Equal(400, error.Status);
        Assert.Equal("UnknownOperationException", error.Headers["x-amzn-ErrorType"]);
        Assert.True(error.Headers.ContainsKey("x-amzn-RequestId"));
    }

    [Fact]
    public async Task A_tampered_json_body_fails_the_signature_with_InvalidSignatureException()
    {
        using var client = new AwsWireClient(cloud.Endpoint);
        var body = Encoding.UTF8.GetBytes("""{"MaxResults":10}""");

        var (status, text, _) = await client.SendAsync("sagemaker", "application/x-amz-json-1.1", body, new() { ["X-Amz-Target"] = "SageMaker.ListNotebookInstances" }, request =>
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"MaxResults":11}"""));
            request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
            return request;
        });

        Assert.Equal(400, status);
        Assert.Equal("InvalidSignatureException", JsonNode.Parse(text)!["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_query_call_with_an_unknown_key_is_InvalidClientTokenId_in_an_ErrorResponse()
    {
        using var client = new AwsWireClient(cloud.Endpoint, new Amazon.Runtime.BasicAWSCredentials("AKIANOBODY", "x"));

        var error = await Assert.ThrowsAsync<AwsWireException>(() => client.QueryAsync("iam", "2010-05-08", "ListRoles"));

        Assert.Equal("InvalidClientTokenId", error.Code);
        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task An_unsigned_request_is_refused_and_a_charset_on_the_json_media_type_is_accepted()
    {
        using var http = new HttpClient();
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, cloud.Endpoint + "/") { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1") };
        unsigned.Headers.Add("X-Amz-Target", "AmazonSSM.DescribeParameters");
        using var client = new AwsWireClient(cloud.Endpoint);

        using var refused = await http.SendAsync(unsigned, TestContext.Current.CancellationToken);
        var (status, _, _) = await client.SendAsync("ssm", "application/x-amz-json-1.1; charset=utf-8", Encoding.UTF8.GetBytes("{}"), new() { ["X-Amz-Target"] = "AmazonSSM.DescribeParameters" });

        Assert.Equal(403, (int)refused.StatusCode);
        Assert.Contains("MissingAuthenticationTokenException", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task A_missing_required_member_is_the_services_validation_error()
    {
        using var client = new AwsWireClient(cloud.Endpoint);

        var sagemaker = await Assert.ThrowsAsync<AwsWireException>(() => client.SageMakerAsync("DescribeNotebookInstance"));
        var iam = await Assert.ThrowsAsync<AwsWireException>(() => client.QueryAsync("iam", "2010-05-08", "GetRole"));
        var unknownAction = await Assert.ThrowsAsync<AwsWireException>(() => client.QueryAsync("iam", "2010-05-08", "CreateUserLoginProfileX"));

        Assert.Equal("ValidationException", sagemaker.Code);
        Assert.Contains("notebookInstanceName", sagemaker.Message, StringComparison.Ordinal);
        Assert.Equal("ValidationError", iam.Code);
        Assert.Equal("InvalidAction", unknownAction.Code);
    }

    [Fact]
    public async Task A_member_of_the_wrong_json_type_is_a_client_error_not_a_500()
    {
        using var client = new AwsWireClient(cloud.Endpoint);

        var error = await Assert.ThrowsAsync<AwsWireException>(() => client.ServiceCatalogAsync("CreatePortfolio", new() { ["DisplayName"] = "p", ["ProviderName"] = "x", ["IdempotencyToken"] = "t", ["Tags"] = new JsonArray(new JsonObject { ["Key"] = 5, ["Value"] = "v" }) }));

        Assert.Equal(400, error.Status);
        Assert.Equal("SerializationException", error.Code);
    }
}
