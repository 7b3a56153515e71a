using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Cli;

/// <summary>IAM and STS commands of the AWS CLI (query protocol, URL-encoded policy documents).</summary>
public sealed class IamStsCliTests(LocalCloudFixture cloud)
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}""";
    private const string Inline = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sagemaker:CreateNotebookInstance","Resource":"*","Condition":{"StringEquals":{"sagemaker:RootAccess":"Enabled"}}}]}""";

    [Fact]
    public async Task A_role_with_inline_and_managed_policies_reads_back_with_decoded_documents()
    {
        var aws = new AwsCli(cloud.Endpoint);
        var name = "ds-user-role-" + Guid.NewGuid().ToString("N")[..8];

        await aws.JsonAsync("iam", "create-role", "--role-name", name, "--path", "/ds/", "--assume-role-policy-document", Trust, "--tags", "Key=project,Value=p1");
        await aws.JsonAsync("iam", "put-role-policy", "--role-name", name, "--policy-name", "deny-root", "--policy-document", Inline);
        await aws.JsonAsync("iam", "attach-role-policy", "--role-name", name, "--policy-arn", "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess");
        var role = await aws.JsonAsync("iam", "get-role", "--role-name", name);
        var policy = await aws.JsonAsync("iam", "get-role-policy", "--role-name", name, "--policy-name", "deny-root");
        var inline = await aws.JsonAsync("iam", "list-role-policies", "--role-name", name);
        var attached = await aws.JsonAsync("iam", "list-attached-role-policies", "--role-name", name);
        var conflict = await aws.RunAsync("iam", "delete-role", "--role-name", name);
        var simulate = await aws.RunAsync("iam", "simulate-principal-policy", "--policy-source-arn", AwsCli.Str(role["Role"]!["Arn"]), "--action-names", "sagemaker:CreatePresignedNotebookInstanceUrl");

        Assert.Equal($"arn:aws:iam::000000000000:role/ds/{name}", AwsCli.Str(role["Role"]!["Arn"]));
        Assert.Equal("sts:AssumeRole", AwsCli.Str(role["Role"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Action"]![0]));
        Assert.Equal("Deny", AwsCli.Str(policy["PolicyDocument"]!["Statement"]![0]!["Effect"]));
        Assert.Equal(["deny-root"], inline["PolicyNames"]!.AsArray().Select(AwsCli.Str));
        Assert.Equal("AmazonSageMakerFullAccess", AwsCli.Str(attached["AttachedPolicies"]![0]!["PolicyName"]));
        Assert.Contains("DeleteConflict", conflict.StandardError, StringComparison.Ordinal);
        Assert.True(simulate.ExitCode == 0, simulate.StandardError);
        Assert.Equal("allowed", AwsCli.Str(simulate.Json["EvaluationResults"]![0]!["EvalDecision"]));
    }

    [Fact]
    public async Task A_missing_role_is_NoSuchEntity()
    {
        var aws = new AwsCli(cloud.Endpoint);

        var result = await aws.RunAsync("iam", "get-role", "--role-name", "does-not-exist");

        Assert.Equal(254, result.ExitCode);
        Assert.Contains("(NoSuchEntity)", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRole_with_source_identity_and_tags_yields_credentials_the_cli_can_use()
    {
        var aws = new AwsCli(cloud.Endpoint);
        var name = "ds-admin-" + Guid.NewGuid().ToString("N")[..8];
        var role = await aws.JsonAsync("iam", "create-role", "--role-name", name, "--assume-role-policy-document", Trust);

        var assumed = await aws.JsonAsync("sts", "assume-role", "--role-arn", AwsCli.Str(role["Role"]!["Arn"]), "--role-session-name", "alice",
            "--source-identity", "alice@example.com", "--tags", "Key=project,Value=p1", "--transitive-tag-keys", "project");
        var credentials = assumed["Credentials"]!;
        var asRole = new AwsCli(cloud.Endpoint, AwsCli.Str(credentials["AccessKeyId"]), AwsCli.Str(credentials["SecretAccessKey"]), AwsCli.Str(credentials["SessionToken"]));
        var identity = await asRole.JsonAsync("sts", "get-caller-identity");

        Assert.Equal("alice@example.com", AwsCli.Str(assumed["SourceIdentity"]));
        Assert.Equal($"arn:aws:sts::000000000000:assumed-role/{name}/alice", AwsCli.Str(identity["Arn"]));
        Assert.Equal("000000000000", AwsCli.Str(identity["Account"]));
    }
}
