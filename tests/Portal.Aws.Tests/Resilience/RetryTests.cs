using System.Net;
using Portal.Aws.Tests.Fakes;
using Portal.Aws.Tests.Signing;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Provisioning;

namespace Portal.Aws.Tests.Resilience;

/// <summary>
/// Retries run outside the signer: each attempt is signed afresh, and the request body (with its idempotency
/// token) is built once per logical call. Throttling, 429, 5xx and network errors are retried; the rest are not.
/// </summary>
public sealed class RetryTests
{
    private const string LocalSecret = "test";
    private const string Throttled = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";
    private const string Record = """{"RecordDetail":{"RecordId":"rec-1","Status":"CREATED"}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Throttled_twice_then_success_is_one_logical_call_with_one_token_and_three_fresh_valid_signatures()
    {
        var network = new RecordingHandler()
            .Reply(HttpStatusCode.BadRequest, Throttled)
            .Reply(HttpStatusCode.BadRequest, Throttled)
            .ReplyJson(Record);
        using var host = AwsTestHost.Create(network);
        var token = IdempotencyToken.New();

        var record = await host.Get<IProvisioningGateway>().ProvisionAsync(ActingIdentity.Portal, Launch(token), Ct);

        Assert.True(record.IsSuccess, record.Error?.ToString());
        Assert.Equal(3, network.Requests.Count);
        Assert.All(network.Requests, r => Assert.Equal(token.Value, r.Json().GetProperty("ProvisionToken").GetString()));
        Assert.Single(network.Requests.Select(r => r.BodyText).Distinct());
        Assert.Equal(3, network.Requests.Select(r => r.Header("Authorization")).Distinct().Count());
        Assert.Equal(3, network.Requests.Select(r => r.Header("X-Amz-Date")).Distinct().Count());
        Assert.All(network.Requests, r => Assert.True(SigV4Verifier.IsValid(r, LocalSecret), "attempt signature must verify"));
    }

    [Fact]
    public async Task Iam_throttling_in_a_query_error_is_retried()
    {
        var network = new RecordingHandler()
            .ReplyXml("""<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>""", HttpStatusCode.BadRequest)
            .ReplyXml("""<GetRoleResponse><GetRoleResult><Role><RoleName>r</RoleName><Arn>arn:r</Arn></Role></GetRoleResult></GetRoleResponse>""");
        using var host = AwsTestHost.Create(network);

        var role = await host.Get<IRoleGateway>().GetRoleAsync(ActingIdentity.Portal, "r", Ct);

        Assert.True(role.IsSuccess, role.Error?.ToString());
        Assert.Equal(2, network.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Server_errors_and_429_are_retried(HttpStatusCode status)
    {
        var network = new RecordingHandler().Reply(status, """{"__type":"InternalFailure","message":"oops"}""").ReplyJson(Record);
        using var host = AwsTestHost.Create(network);

        var record = await host.Get<IProvisioningGateway>().DescribeRecordAsync(ActingIdentity.Portal, "rec-1", Ct);

        Assert.True(record.IsSuccess);
        Assert.Equal(2, network.Requests.Count);
    }

    [Fact]
    public async Task Network_failures_are_retried()
    {
        var network = new RecordingHandler()
            .Throw(new HttpRequestException("connection refused"))
            .ReplyJson(Record);
        using var host = AwsTestHost.Create(network);

        var record = await host.Get<IProvisioningGateway>().DescribeRecordAsync(ActingIdentity.Portal, "rec-1", Ct);

        Assert.True(record.IsSuccess);
        Assert.Equal(2, network.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"InvalidParametersException","message":"bad"}""", ErrorKind.Validation)]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"ResourceNotFoundException","message":"gone"}""", ErrorKind.NotFound)]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"DuplicateResourceException","message":"token reused with other input"}""", ErrorKind.Conflict)]
    [InlineData(HttpStatusCode.Forbidden, """{"__type":"AccessDeniedException","message":"no"}""", ErrorKind.Denied)]
    public async Task Errors_that_retrying_cannot_fix_are_not_retried(HttpStatusCode status, string body, ErrorKind kind)
    {
        var network = new RecordingHandler().Reply(status, body);
        using var host = AwsTestHost.Create(network);

        var record = await host.Get<IProvisioningGateway>().ProvisionAsync(ActingIdentity.Portal, Launch(IdempotencyToken.New()), Ct);

        Assert.Equal(kind, record.Error!.Kind);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_reported_as_throttled_after_the_configured_attempts()
    {
        var network = new RecordingHandler()
            .Reply(HttpStatusCode.BadRequest, Throttled)
            .Reply(HttpStatusCode.BadRequest, Throttled)
            .Reply(HttpStatusCode.BadRequest, Throttled)
            .Reply(HttpStatusCode.BadRequest, Throttled);
        using var host = AwsTestHost.Create(network, new Dictionary<string, string?> { ["Cloud:Retry:MaxRetries"] = "3" });

        var record = await host.Get<IProvisioningGateway>().ProvisionAsync(ActingIdentity.Portal, Launch(IdempotencyToken.New()), Ct);

        Assert.Equal(ErrorKind.Throttled, record.Error!.Kind);
        Assert.Equal("ThrottlingException", record.Error.Code);
        Assert.Equal(4, network.Requests.Count);
    }

    [Fact]
    public async Task With_retries_switched_off_a_throttled_call_is_sent_once()
    {
        var network = new RecordingHandler().Reply(HttpStatusCode.BadRequest, Throttled);
        using var host = AwsTestHost.Create(network, new Dictionary<string, string?> { ["Cloud:Retry:MaxRetries"] = "0" });

        var record = await host.Get<IProvisioningGateway>().DescribeRecordAsync(ActingIdentity.Portal, "rec-1", Ct);

        Assert.Equal(ErrorKind.Throttled, record.Error!.Kind);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task Network_failure_on_every_attempt_is_reported_as_unavailable()
    {
        var network = new RecordingHandler()
            .Throw(new HttpRequestException("refused"))
            .Throw(new HttpRequestException("refused"))
            .Throw(new HttpRequestException("refused"));
        using var host = AwsTestHost.Create(network);

        var record = await host.Get<IProvisioningGateway>().DescribeRecordAsync(ActingIdentity.Portal, "rec-1", Ct);

        Assert.Equal(ErrorKind.Unavailable, record.Error!.Kind);
        Assert.Equal("NetworkError", record.Error.Code);
        Assert.Equal(3, network.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_that_outlives_its_time_limit_is_abandoned_and_retried()
    {
        var network = new RecordingHandler().Hang().ReplyJson(Record);
        using var host = AwsTestHost.Create(network, new Dictionary<string, string?> { ["Cloud:Retry:AttemptTimeout"] = "00:00:00.050" });

        var record = await host.Get<IProvisioningGateway>().DescribeRecordAsync(ActingIdentity.Portal, "rec-1", Ct);

        Assert.True(record.IsSuccess, record.Error?.ToString());
        Assert.Equal(2, network.Requests.Count);
    }

    private static ProvisionRequest Launch(IdempotencyToken token) =>
        new("prod-1", "pa-1", "lpv-1", "nb-alice", [new ParameterValue("ProjectName", "p1")], token);
}
