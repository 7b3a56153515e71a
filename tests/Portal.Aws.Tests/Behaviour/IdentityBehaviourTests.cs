using System.Text.Json;
using Portal.Core.Common;
using Portal.Core.Identity;
using static Portal.Aws.Tests.Behaviour.CatalogTemplates;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>IRoleGateway, IPolicySimulationGateway, ICallerIdentityGateway and IRoleSessionProvider against LocalCloud's IAM and STS.</summary>
[Collection(nameof(LocalCloudCollection))]
public sealed class IdentityBehaviourTests(LocalCloudBehaviourFixture cloud)
{
    private const string SageMakerTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IRoleGateway Roles => cloud.Get<IRoleGateway>();

    [Fact]
    public async Task A_role_is_created_and_read_back_with_its_trust_policy_decoded()
    {
        var name = LocalCloudBehaviourFixture.Unique("ds-execution");

        var created = Ok(await Roles.CreateRoleAsync(ActingIdentity.Portal, new NewRole(name, SageMakerTrust, "/projects/genomics/", "Runs notebooks", 7200, Tags: [new ResourceTag("project", "genomics")]), Ct));
        var detail = Ok(await Roles.GetRoleAsync(ActingIdentity.Portal, name, Ct));
        var listed = await Roles.ListRolesAsync(ActingIdentity.Portal, "/projects/genomics/", Ct).ToListAsync(Ct);
        var duplicate = await Roles.CreateRoleAsync(ActingIdentity.Portal, new NewRole(name, SageMakerTrust), Ct);

        Assert.Equal($"arn:aws:iam::{LocalCloudBehaviourFixture.Account}:role/projects/genomics/{name}", created.Arn);
        Assert.Equal(("/projects/genomics/", "Runs notebooks"), (created.Path, created.Description));
        Assert.Equal(created, detail.Role with { CreatedAt = created.CreatedAt });
        Assert.Equal(SageMakerTrust, detail.TrustPolicyDocument);
        Assert.Equal(7200, detail.MaxSessionDurationSeconds);
        Assert.Equal(new ResourceTag("project", "genomics"), Assert.Single(detail.Tags));
        Assert.Contains(listed, r => r.RoleName == name);
        Assert.Equal((ErrorKind.Conflict, "EntityAlreadyExists"), (duplicate.Error?.Kind, duplicate.Error?.Code));
    }

    [Fact]
    public async Task A_missing_role_or_policy_is_reported_as_not_found()
    {
        var missing = LocalCloudBehaviourFixture.Unique("nobody");
        var role = await cloud.CreatePersonaRoleAsync(LocalCloudBehaviourFixture.Unique("ds"), Ct);

        var detail = await Roles.GetRoleAsync(ActingIdentity.Portal, missing, Ct);
        var policy = await Roles.GetInlinePolicyAsync(ActingIdentity.Portal, role.Split('/')[^1], "none", Ct);

        Assert.Equal((ErrorKind.NotFound, "NoSuchEntity"), (detail.Error?.Kind, detail.Error?.Code));
        Assert.Equal((ErrorKind.NotFound, "NoSuchEntity"), (policy.Error?.Kind, policy.Error?.Code));
    }

    [Fact]
    public async Task Inline_and_managed_policies_round_trip_as_decoded_json()
    {
        var name = LocalCloudBehaviourFixture.Unique("ds-user");
        Ok(await Roles.CreateRoleAsync(ActingIdentity.Portal, new NewRole(name, SageMakerTrust), Ct));
        const string inline = """{"Version":"2012-10-17","Statement":[{"Sid":"ProjectData","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::genomics-data/*","Condition":{"StringEquals":{"aws:PrincipalTag/project":"genomics & co"}}}]}""";
        const string managed = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sagemaker:CreatePresignedNotebookInstanceUrl","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8"]}}}]}""";
        var policyName = LocalCloudBehaviourFixture.Unique("network-guard");
        using var wire = cloud.Wire();
        await wire.IamAsync("PutRolePolicy", new Dictionary<string, string> { ["RoleName"] = name, ["PolicyName"] = "project-data", ["PolicyDocument"] = inline }, Ct);
        var createdPolicy = await wire.IamAsync("CreatePolicy", new Dictionary<string, string> { ["PolicyName"] = policyName, ["PolicyDocument"] = managed }, Ct);
        var policyArn = createdPolicy.Descendants().First(e => e.Name.LocalName == "Arn").Value;
        await wire.IamAsync("AttachRolePolicy", new Dictionary<string, string> { ["RoleName"] = name, ["PolicyArn"] = policyArn }, Ct);

        var inlineNames = await Roles.ListInlinePolicyNamesAsync(ActingIdentity.Portal, name, Ct).ToListAsync(Ct);
        var document = Ok(await Roles.GetInlinePolicyAsync(ActingIdentity.Portal, name, "project-data", Ct));
        var attached = await Roles.ListAttachedPoliciesAsync(ActingIdentity.Portal, name, Ct).ToListAsync(Ct);

        Assert.Equal(["project-data"], inlineNames);
        Assert.Equal(inline, document);
        Assert.Equal("genomics & co", JsonDocument.Parse(document).RootElement.GetProperty("Statement")[0].GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:PrincipalTag/project").GetString());
        Assert.Equal(new AttachedPolicy(policyName, $"arn:aws:iam::{LocalCloudBehaviourFixture.Account}:policy/{policyName}"), Assert.Single(attached));
    }

    [Fact]
    public async Task The_portal_is_the_account_root_and_a_user_acts_as_the_assumed_persona_role_with_their_login()
    {
        var roleName = LocalCloudBehaviourFixture.Unique("ds");
        var role = await cloud.CreatePersonaRoleAsync(roleName, Ct);
        var user = LocalCloudBehaviourFixture.User(role, "alice@example.org");
        var sessions = cloud.Get<IRoleSessionProvider>();

        var portal = Ok(await cloud.Get<ICallerIdentityGateway>().GetCallerIdentityAsync(ActingIdentity.Portal, Ct));
        var acting = Ok(await cloud.Get<ICallerIdentityGateway>().GetCallerIdentityAsync(user, Ct));
        var session = Ok(await sessions.GetSessionAsync(user, Ct));
        var again = Ok(await sessions.GetSessionAsync(user, Ct));

        Assert.Equal((LocalCloudBehaviourFixture.Account, $"arn:aws:iam::{LocalCloudBehaviourFixture.Account}:root"), (portal.Account, portal.Arn));
        var assumedArn = $"arn:aws:sts::{LocalCloudBehaviourFixture.Account}:assumed-role/{roleName}/portal-alice@example.org";
        Assert.Equal((LocalCloudBehaviourFixture.Account, assumedArn), (acting.Account, acting.Arn));
        Assert.EndsWith(":portal-alice@example.org", acting.UserId, StringComparison.Ordinal);
        Assert.Equal(new RoleSession(role, assumedArn, "alice@example.org", session.ExpiresAt), session);
        Assert.InRange(session.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(50), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Equal(session, again);
    }

    [Fact]
    public async Task A_role_whose_trust_policy_does_not_name_the_account_cannot_be_assumed()
    {
        var name = LocalCloudBehaviourFixture.Unique("service-only");
        var role = Ok(await Roles.CreateRoleAsync(ActingIdentity.Portal, new NewRole(name, SageMakerTrust), Ct));
        var user = LocalCloudBehaviourFixture.User(role.Arn, "mallory");

        var session = await cloud.Get<IRoleSessionProvider>().GetSessionAsync(user, Ct);
        var call = await cloud.Get<ICallerIdentityGateway>().GetCallerIdentityAsync(user, Ct);

        Assert.Equal((ErrorKind.Denied, "AccessDenied"), (session.Error?.Kind, session.Error?.Code));
        Assert.Equal(ErrorKind.Denied, call.Error?.Kind);
    }

    [Fact]
    public async Task Policy_simulation_answers_per_action_or_says_clearly_that_localcloud_cannot_evaluate_yet()
    {
        var roleName = LocalCloudBehaviourFixture.Unique("ds");
        var role = await cloud.CreatePersonaRoleAsync(roleName, Ct);
        using var wire = cloud.Wire();
        await wire.IamAsync("PutRolePolicy", new Dictionary<string, string>
        {
            ["RoleName"] = roleName,
            ["PolicyName"] = "read-data",
            ["PolicyDocument"] = """{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::genomics-data/*"}]}""",
        }, Ct);
        var simulation = cloud.Get<IPolicySimulationGateway>();

        var simulated = await simulation.SimulateAsync(ActingIdentity.Portal, new PolicySimulationRequest(role, ["s3:GetObject", "s3:DeleteObject"], ["arn:aws:s3:::genomics-data/reads.csv"]), Ct);
        var noActions = await simulation.SimulateAsync(ActingIdentity.Portal, new PolicySimulationRequest(role, []), Ct);

        Assert.Equal((ErrorKind.Validation, "NoActions"), (noActions.Error?.Kind, noActions.Error?.Code));
        if (simulated.IsSuccess)
        {
            Assert.Equal(
                [("s3:DeleteObject", false), ("s3:GetObject", true)],
                simulated.Value.Select(r => (r.Action, r.IsAllowed)).OrderBy(r => r.Action, StringComparer.Ordinal));
            Assert.Equal("implicitDeny", Assert.Single(simulated.Value, r => r.Action == "s3:DeleteObject").Decision);
        }
        else
        {
            // LocalCloud answers 501 NotImplemented while no policy evaluator is registered; the portal gets a clear error.
            Assert.Equal(("NotImplemented", ErrorKind.Unavailable), (simulated.Error?.Code, simulated.Error?.Kind));
            Assert.Contains("SimulatePrincipalPolicy", simulated.Error?.Message, StringComparison.Ordinal);
        }
    }
}
