using System.Net;
using Portal.Aws.Tests.Fakes;
using Portal.Aws.Tests.Signing;
using Portal.Core.Catalog;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Parameters;

namespace Portal.Aws.Tests.Sdk;

/// <summary>
/// The AWSSDK-backed adapters on a custom endpoint: they sign for the configured region (not us-east-1),
/// address S3 path-style with a plain body, and translate SDK errors like the hand-written clients.
/// </summary>
public sealed class SdkClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Assume_role_goes_through_sts_with_source_identity_and_tags_signed_for_the_configured_region()
    {
        var network = new RecordingHandler().ReplyXml("""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
              <SourceIdentity>alice</SourceIdentity>
              <AssumedRoleUser><Arn>arn:aws:sts::000000000000:assumed-role/ds-user/portal-alice</Arn><AssumedRoleId>AROA:portal-alice</AssumedRoleId></AssumedRoleUser>
              <Credentials><AccessKeyId>ASIAX</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2024-01-15T13:34:56Z</Expiration></Credentials>
            </AssumeRoleResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></AssumeRoleResponse>
            """);
        using var host = AwsTestHost.Create(network);
        var alice = ActingIdentity.ForUser("arn:aws:iam::000000000000:role/ds-user", "alice", [new ResourceTag("project", "p1")]).Value;

        var session = await host.Get<IRoleSessionProvider>().GetSessionAsync(alice, Ct);

        Assert.True(session.IsSuccess, session.Error?.ToString());
        Assert.Equal("arn:aws:sts::000000000000:assumed-role/ds-user/portal-alice", session.Value.AssumedRoleArn);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 13, 34, 56, TimeSpan.Zero), session.Value.ExpiresAt);
        var request = Assert.Single(network.Requests);
        Assert.Equal("127.0.0.1", request.Uri.Host);
        Assert.Equal("AssumeRole", request.FormValue("Action"));
        Assert.Equal("alice", request.FormValue("SourceIdentity"));
        Assert.Equal("portal-alice", request.FormValue("RoleSessionName"));
        Assert.Equal("project", request.FormValue("Tags.member.1.Key"));
        Assert.Equal("p1", request.FormValue("Tags.member.1.Value"));
        Assert.Contains("/eu-west-1/sts/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.True(SigV4Verifier.IsValid(request, "test"));
    }

    [Fact]
    public async Task Template_upload_is_path_style_plain_and_returns_an_object_url_on_the_endpoint()
    {
        var network = new RecordingHandler().Reply(HttpStatusCode.OK, string.Empty, "application/xml");
        using var host = AwsTestHost.Create(network);

        var stored = await host.Get<ITemplateStorage>().PutTemplateAsync(ActingIdentity.Portal, "bucket1", "templates/nb v2.yaml", "Resources: {}"u8.ToArray(), Ct);

        Assert.True(stored.IsSuccess, stored.Error?.ToString());
        var request = Assert.Single(network.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("127.0.0.1", request.Uri.Host);
        Assert.Equal("/bucket1/templates/nb%20v2.yaml", request.Uri.AbsolutePath);
        Assert.NotEqual("aws-chunked", request.Header("Content-Encoding"));
        Assert.Equal("Resources: {}", request.BodyText);
        Assert.Contains("/eu-west-1/s3/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal($"{AwsTestHost.BaseUrl.TrimEnd('/')}/bucket1/templates/nb%20v2.yaml", stored.Value.Url);
    }

    [Fact]
    public async Task A_template_over_one_megabyte_is_refused_before_upload()
    {
        var network = new RecordingHandler();
        using var host = AwsTestHost.Create(network);

        var stored = await host.Get<ITemplateStorage>().PutTemplateAsync(ActingIdentity.Portal, "bucket1", "t.yaml", new byte[1_048_577], Ct);

        Assert.Equal("TemplateTooLarge", stored.Error!.Code);
        Assert.Empty(network.Requests);
    }

    [Fact]
    public async Task Parameters_are_read_by_exact_name_and_missing_names_are_reported()
    {
        var network = new RecordingHandler().ReplyJson("""
            {"Parameters":[{"Name":"ds-kms-cmk-arn","Type":"String","Value":"arn:aws:kms:eu-west-1:000000000000:key/k1","Version":1}],"InvalidParameters":["ds-missing"]}
            """);
        using var host = AwsTestHost.Create(network);

        var lookup = await host.Get<IParameterStore>().GetParametersAsync(ActingIdentity.Portal, ["ds-kms-cmk-arn", "ds-missing"], Ct);

        Assert.Equal("arn:aws:kms:eu-west-1:000000000000:key/k1", lookup.Value.Values["ds-kms-cmk-arn"]);
        Assert.Equal(["ds-missing"], lookup.Value.MissingNames);
        var request = Assert.Single(network.Requests);
        Assert.Equal("AmazonSSM.GetParameters", request.Header("X-Amz-Target"));
        Assert.Contains("/eu-west-1/ssm/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_ten_parameter_names_are_read_in_batches_of_ten()
    {
        var network = new RecordingHandler().ReplyJson("""{"Parameters":[]}""").ReplyJson("""{"Parameters":[]}""");
        using var host = AwsTestHost.Create(network);
        var names = Enumerable.Range(1, 12).Select(i => $"ds-p{i}").ToList();

        await host.Get<IParameterStore>().GetParametersAsync(ActingIdentity.Portal, names, Ct);

        Assert.Equal([10, 2], network.Requests.Select(r => r.Json().GetProperty("Names").GetArrayLength()));
        Assert.All(network.Requests, r => Assert.True(r.Json().GetProperty("WithDecryption").GetBoolean()));
    }

    [Fact]
    public void On_aws_a_template_url_is_virtual_hosted_in_the_region()
    {
        using var host = AwsTestHost.Create(settings: new Dictionary<string, string?> { ["Cloud:Mode"] = "Aws", ["Cloud:ServiceUrl"] = null });

        var url = ((Portal.Aws.Sdk.S3TemplateStorage)host.Get<ITemplateStorage>()).ObjectUrl("portal-templates", "nb/v2 final.yaml");

        Assert.Equal("https://portal-templates.s3.eu-west-1.amazonaws.com/nb/v2%20final.yaml", url);
    }

    [Fact]
    public async Task Sdk_errors_are_translated_like_the_hand_written_clients()
    {
        var network = new RecordingHandler().Reply(HttpStatusCode.BadRequest, """{"__type":"NotFoundException","message":"Key 'k9' does not exist"}""", requestId: "req-kms");
        using var host = AwsTestHost.Create(network, new Dictionary<string, string?> { ["Cloud:Retry:MaxRetries"] = "0" });

        var key = await host.Get<IEncryptionKeyGateway>().DescribeKeyAsync(ActingIdentity.Portal, "k9", Ct);

        Assert.Equal(ErrorKind.NotFound, key.Error!.Kind);
        Assert.Equal("NotFoundException", key.Error.Code);
        Assert.Contains("req-kms", key.Error.Message, StringComparison.Ordinal);
    }
}
