using System.Net;
using System.Text.Json;
using Portal.Aws.Tests.Fakes;
using Portal.Core.Catalog;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Provisioning;
using Portal.Core.Workloads;

namespace Portal.Aws.Tests.Protocols;

/// <summary>AWS JSON 1.1 as Service Catalog and SageMaker speak it: requests, responses, timestamps, paging and errors.</summary>
public sealed class JsonProtocolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Provision_sends_target_media_type_and_the_callers_token_and_omits_unset_members()
    {
        var network = new RecordingHandler().ReplyJson("""{"RecordDetail":{"RecordId":"rec-1","Status":"CREATED","RecordType":"PROVISION_PRODUCT","CreatedTime":1700000000}}""");
        using var host = AwsTestHost.Create(network);
        var token = IdempotencyToken.New();

        var record = await host.Get<IProvisioningGateway>().ProvisionAsync(
            ActingIdentity.Portal,
            new ProvisionRequest("prod-1", "pa-1", null, "nb-alice", [new ParameterValue("InstanceType", "ml.t3.medium")], token),
            Ct);

        Assert.True(record.IsSuccess, record.Error?.ToString());
        Assert.Equal("rec-1", record.Value.RecordId);
        Assert.Equal("CREATED", record.Value.Status);
        var request = Assert.Single(network.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/", request.Uri.AbsolutePath);
        Assert.Equal("AWS242ServiceCatalogService.ProvisionProduct", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        var body = request.Json();
        Assert.Equal(token.Value, body.GetProperty("ProvisionToken").GetString());
        Assert.Equal("ml.t3.medium", body.GetProperty("ProvisioningParameters")[0].GetProperty("Value").GetString());
        Assert.False(body.TryGetProperty("PathId", out _));
        Assert.False(body.TryGetProperty("Tags", out _));
        Assert.Contains("/eu-west-1/servicecatalog/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_with_previous_values_sends_UsePreviousValue_without_a_value()
    {
        var network = new RecordingHandler().ReplyJson("""{"RecordDetail":{"RecordId":"rec-2","Status":"CREATED"}}""");
        using var host = AwsTestHost.Create(network);

        await host.Get<IProvisioningGateway>().UpdateAsync(
            ActingIdentity.Portal,
            new ProvisionedProductUpdate("pp-1", "pa-2", null, [new ParameterValue("ProjectName", null, UsePreviousValue: true)], IdempotencyToken.New()),
            Ct);

        var parameter = Assert.Single(network.Requests).Json().GetProperty("ProvisioningParameters")[0];
        Assert.Equal("ProjectName", parameter.GetProperty("Key").GetString());
        Assert.True(parameter.GetProperty("UsePreviousValue").GetBoolean());
        Assert.False(parameter.TryGetProperty("Value", out _));
    }

    [Fact]
    public async Task Timestamps_go_out_as_epoch_seconds_and_fractional_seconds_are_read_back()
    {
        var network = new RecordingHandler().ReplyJson("""
            {"NotebookInstances":[{"NotebookInstanceName":"nb-1","NotebookInstanceArn":"arn:aws:sagemaker:eu-west-1:000000000000:notebook-instance/nb-1",
              "NotebookInstanceStatus":"InService","CreationTime":1700000000.123,"InstanceType":"ml.t3.medium"}]}
            """);
        using var host = AwsTestHost.Create(network);

        var notebooks = await host.Get<INotebookGateway>()
            .ListNotebooksAsync(ActingIdentity.Portal, new WorkloadQuery(StatusEquals: "InService", CreatedAfter: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)), Ct)
            .ToListAsync(Ct);

        var notebook = Assert.Single(notebooks);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), notebook.CreatedAt);
        var body = Assert.Single(network.Requests).Json();
        Assert.Equal(JsonValueKind.Number, body.GetProperty("CreationTimeAfter").ValueKind);
        Assert.Equal(1704067200, body.GetProperty("CreationTimeAfter").GetInt64());
        Assert.Equal("InService", body.GetProperty("StatusEquals").GetString());
        Assert.Equal("SageMaker.ListNotebookInstances", network.Requests[0].Header("X-Amz-Target"));
        Assert.Contains("/eu-west-1/sagemaker/aws4_request", network.Requests[0].Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_follows_page_tokens_until_the_last_page()
    {
        var network = new RecordingHandler()
            .ReplyJson("""{"ProvisionedProducts":[{"Id":"pp-1","Name":"a","Status":"AVAILABLE"}],"NextPageToken":"page-2"}""")
            .ReplyJson("""{"ProvisionedProducts":[{"Id":"pp-2","Name":"b","Status":"UNDER_CHANGE"}]}""");
        using var host = AwsTestHost.Create(network);

        var products = await host.Get<IProvisioningGateway>()
            .SearchProvisionedProductsAsync(ActingIdentity.Portal, ProvisionedProductScope.Account, "status:AVAILABLE", Ct)
            .ToListAsync(Ct);

        Assert.Equal(["pp-1", "pp-2"], products.Select(p => p.Id));
        Assert.False(network.Requests[0].Json().TryGetProperty("PageToken", out _));
        Assert.Equal("page-2", network.Requests[1].Json().GetProperty("PageToken").GetString());
        Assert.Equal("Account", network.Requests[0].Json().GetProperty("AccessLevelFilter").GetProperty("Key").GetString());
        Assert.Equal("status:AVAILABLE", network.Requests[0].Json().GetProperty("Filters").GetProperty("SearchQuery")[0].GetString());
    }

    [Fact]
    public async Task Enum_values_the_portal_has_never_seen_are_passed_through_as_text()
    {
        var network = new RecordingHandler().ReplyJson("""
            {"ProductViewDetail":{"ProductViewSummary":{"Id":"prodview-1","ProductId":"prod-1","Name":"tf","Type":"TERRAFORM_CLOUD"},"Status":"SOMETHING_NEW"},"ProvisioningArtifactSummaries":[]}
            """);
        using var host = AwsTestHost.Create(network);

        var product = await host.Get<ICatalogAdministrationGateway>().DescribeProductAsync(ActingIdentity.Portal, "prod-1", Ct);

        Assert.Equal("TERRAFORM_CLOUD", product.Value.Product.Type);
        Assert.Equal("SOMETHING_NEW", product.Value.Status);
    }

    [Fact]
    public async Task Describe_record_reads_outputs_and_errors()
    {
        var network = new RecordingHandler().ReplyJson("""
            {"RecordDetail":{"RecordId":"rec-1","Status":"FAILED","RecordErrors":[{"Code":"CFN","Description":"Subnet not found"}]},
             "RecordOutputs":[{"OutputKey":"NotebookUrl","OutputValue":"https://nb.example/","Description":"Open"}]}
            """);
        using var host = AwsTestHost.Create(network);

        var record = await host.Get<IProvisioningGateway>().DescribeRecordAsync(ActingIdentity.Portal, "rec-1", Ct);

        Assert.True(record.Value.IsFinished);
        Assert.Equal("Subnet not found", Assert.Single(record.Value.Errors).Description);
        Assert.Equal(new RecordOutput("NotebookUrl", "https://nb.example/", "Open"), Assert.Single(record.Value.Outputs));
    }

    [Theory]
    [InlineData("ResourceNotFoundException", ErrorKind.NotFound)]
    [InlineData("com.amazonaws.servicecatalog#ResourceNotFoundException", ErrorKind.NotFound)]
    [InlineData("ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.servicecatalog/", ErrorKind.NotFound)]
    [InlineData("InvalidParametersException", ErrorKind.Validation)]
    [InlineData("DuplicateResourceException", ErrorKind.Conflict)]
    [InlineData("ResourceInUseException", ErrorKind.Conflict)]
    [InlineData("LimitExceededException", ErrorKind.LimitExceeded)]
    [InlineData("AccessDeniedException", ErrorKind.Denied)]
    [InlineData("SomethingNobodyModelled", ErrorKind.Validation)]
    public async Task Json_errors_become_portal_errors_that_keep_code_message_and_request_id(string type, ErrorKind kind)
    {
        var network = new RecordingHandler().Reply(HttpStatusCode.BadRequest, $$"""{"__type":"{{type}}","message":"Portfolio port-9 is busy"}""", requestId: "req-42");
        using var host = AwsTestHost.Create(network);

        var result = await host.Get<ICatalogAdministrationGateway>().DeletePortfolioAsync(ActingIdentity.Portal, "port-9", Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(type.Split('#')[^1].Split(':')[0], result.Error.Code);
        Assert.Contains("Portfolio port-9 is busy", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("req-42", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task A_missing_notebook_reported_as_a_validation_error_is_not_found()
    {
        var network = new RecordingHandler().Reply(HttpStatusCode.BadRequest, """{"__type":"ValidationException","Message":"RecordNotFound: Notebook instance nb-x does not exist"}""");
        using var host = AwsTestHost.Create(network);

        var result = await host.Get<INotebookGateway>().DescribeNotebookAsync(ActingIdentity.Portal, "nb-x", Ct);

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal("ValidationException", result.Error.Code);
    }

    [Fact]
    public async Task Failed_page_raises_a_gateway_exception_carrying_the_portal_error()
    {
        var network = new RecordingHandler()
            .ReplyJson("""{"TrainingJobSummaries":[{"TrainingJobName":"j1","TrainingJobArn":"arn:1","TrainingJobStatus":"Completed"}],"NextToken":"t2"}""")
            .Reply(HttpStatusCode.Forbidden, """{"__type":"AccessDeniedException","message":"no"}""");
        using var host = AwsTestHost.Create(network);
        var seen = new List<string>();

        var thrown = await Assert.ThrowsAsync<GatewayException>(async () =>
        {
            await foreach (var job in host.Get<ITrainingJobGateway>().ListTrainingJobsAsync(ActingIdentity.Portal, WorkloadQuery.All, Ct))
            {
                seen.Add(job.Name);
            }
        });

        Assert.Equal(["j1"], seen);
        Assert.Equal(ErrorKind.Denied, thrown.Error.Kind);
    }

    [Fact]
    public async Task Sign_in_url_rejects_a_session_outside_the_allowed_range_without_calling_the_cloud()
    {
        var network = new RecordingHandler();
        using var host = AwsTestHost.Create(network);

        var result = await host.Get<INotebookGateway>().CreateSignInUrlAsync(ActingIdentity.Portal, "nb-1", TimeSpan.FromMinutes(5), Ct);

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Empty(network.Requests);
    }

    [Fact]
    public async Task Create_portfolio_without_a_token_generates_one_in_the_allowed_pattern()
    {
        var network = new RecordingHandler().ReplyJson("""{"PortfolioDetail":{"Id":"port-1","ARN":"arn:p","DisplayName":"Admins","ProviderName":"Platform","CreatedTime":1700000000}}""");
        using var host = AwsTestHost.Create(network);

        var portfolio = await host.Get<ICatalogAdministrationGateway>().CreatePortfolioAsync(ActingIdentity.Portal, new NewPortfolio("Admins", "Platform"), Ct);

        Assert.Equal("port-1", portfolio.Value.Id);
        var token = Assert.Single(network.Requests).Json().GetProperty("IdempotencyToken").GetString();
        Assert.True(IdempotencyToken.Create(token).IsSuccess);
    }
}
