using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Sdk;

public sealed class StsSdkTests(LocalCloudFixture cloud)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string TrustAccount = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}""";

    [Fact]
    public async Task The_default_key_is_the_root_of_account_000000000000()
    {
        using var sts = SdkClients.Sts(cloud.Endpoint);

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), Ct);

        Assert.Equal("000000000000", identity.Account);
        Assert.Equal("arn:aws:iam::000000000000:root", identity.Arn);
    }

    [Fact]
    public async Task Temporary_credentials_from_AssumeRole_carry_the_role_session_and_are_accepted_by_other_services()
    {
        var role = await CreateRoleAsync(TrustAccount);
        using var sts = SdkClients.Sts(cloud.Endpoint);

        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = role,
            RoleSessionName = "alice-session",
            SourceIdentity = "alice",
            Tags = [new Tag { Key = "project", Value = "p1" }],
            TransitiveTagKeys = ["project"],
        }, Ct);
        var credentials = new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken);
        using var asRole = SdkClients.Sts(cloud.Endpoint, credentials);
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest(), Ct);
        using var s3 = SdkClients.S3(cloud.Endpoint, credentials);
        var buckets = await s3.ListBucketsAsync(Ct);

        Assert.Equal($"arn:aws:sts::000000000000:assumed-role/{role.Split('/')[^1]}/alice-session", identity.Arn);
        Assert.Equal("alice", assumed.SourceIdentity);
        Assert.StartsWith("ASIA", assumed.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.NotNull(buckets);
    }

    [Fact]
    public async Task Temporary_credentials_without_their_session_token_are_rejected()
    {
        var role = await CreateRoleAsync(TrustAccount);
        using var sts = SdkClients.Sts(cloud.Endpoint);
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = role, RoleSessionName = "s1" }, Ct);
        using var noToken = SdkClients.Sts(cloud.Endpoint, new BasicAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey));

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => noToken.GetCallerIdentityAsync(new GetCallerIdentityRequest(), Ct));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }

    [Fact]
    public async Task AssumeRole_is_denied_when_the_trust_policy_does_not_name_the_caller()
    {
        var role = await CreateRoleAsync("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}""");
        using var sts = SdkClients.Sts(cloud.Endpoint);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = role, RoleSessionName = "s1" }, Ct));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public async Task Session_tags_are_refused_when_the_trust_policy_does_not_allow_TagSession()
    {
        var role = await CreateRoleAsync("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"000000000000"},"Action":"sts:AssumeRole"}]}""");
        using var sts = SdkClients.Sts(cloud.Endpoint);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = role, RoleSessionName = "s1", Tags = [new Tag { Key = "k", Value = "v" }] }, Ct));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    private async Task<string> CreateRoleAsync(string trust)
    {
        using var iam = new AwsWireClient(cloud.Endpoint);
        var name = "role-" + Guid.NewGuid().ToString("N")[..10];
        var xml = await iam.QueryAsync("iam", "2010-05-08", "CreateRole", new Dictionary<string, string> { ["RoleName"] = name, ["AssumeRolePolicyDocument"] = trust, ["Path"] = "/ds/" });
        return xml.Descendants().First(e => e.Name.LocalName == "Arn").Value;
    }
}
