using Portal.LocalCloud.Tests.Cli;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>The Debian AWS CLI v2 driving LocalCloud's CloudFormation API (create, wait, describe, update, delete).</summary>
public sealed class CloudFormationCliTests(LocalCloudFixture cloud)
{
    private const string Template = """
        Parameters:
          Suffix: { Type: String }
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties: { Description: !Sub 'cli ${Suffix}' }
          Alias:
            Type: AWS::KMS::Alias
            Properties: { AliasName: !Sub 'alias/cli-${Suffix}', TargetKeyId: !Ref Key }
        Outputs:
          KeyArn: { Value: !GetAtt Key.Arn, Export: { Name: !Sub 'cli-${Suffix}-key' } }
        """;

    [Fact]
    public async Task The_cli_creates_waits_for_describes_and_deletes_a_stack()
    {
        var aws = new AwsCli(cloud.Endpoint);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(Path.GetTempPath(), $"cfn-{suffix}.yaml");
        await File.WriteAllTextAsync(file, Template, TestContext.Current.CancellationToken);
        var name = "cli-" + suffix;

        var created = await aws.JsonAsync("cloudformation", "create-stack", "--stack-name", name, "--template-body", "file://" + file, "--parameters", $"ParameterKey=Suffix,ParameterValue={suffix}");
        await aws.JsonAsync("cloudformation", "wait", "stack-create-complete", "--stack-name", name);
        var described = await aws.JsonAsync("cloudformation", "describe-stacks", "--stack-name", name);
        var events = await aws.JsonAsync("cloudformation", "describe-stack-events", "--stack-name", name);
        var resources = await aws.JsonAsync("cloudformation", "describe-stack-resources", "--stack-name", name);
        var exports = await aws.JsonAsync("cloudformation", "list-exports");
        var key = await aws.JsonAsync("kms", "describe-key", "--key-id", "alias/cli-" + suffix);
        var noChange = await aws.RunAsync("cloudformation", "update-stack", "--stack-name", name, "--use-previous-template", "--parameters", "ParameterKey=Suffix,UsePreviousValue=true");
        await aws.JsonAsync("cloudformation", "delete-stack", "--stack-name", name);
        await aws.JsonAsync("cloudformation", "wait", "stack-delete-complete", "--stack-name", AwsCli.Str(created["StackId"]));
        var deletedKey = await aws.JsonAsync("kms", "describe-key", "--key-id", AwsCli.Str(key["KeyMetadata"]!["KeyId"]));

        var stack = described["Stacks"]![0]!;
        Assert.Equal("CREATE_COMPLETE", AwsCli.Str(stack["StackStatus"]));
        Assert.Equal(AwsCli.Str(key["KeyMetadata"]!["Arn"]), AwsCli.Str(stack["Outputs"]![0]!["OutputValue"]));
        Assert.Equal("CREATE_COMPLETE", AwsCli.Str(events["StackEvents"]![0]!["ResourceStatus"]));
        Assert.Equal(2, resources["StackResources"]!.AsArray().Count);
        Assert.Contains(exports["Exports"]!.AsArray(), e => AwsCli.Str(e!["Name"]) == $"cli-{suffix}-key");
        Assert.Equal(254, noChange.ExitCode);
        Assert.Contains("No updates are to be performed.", noChange.StandardError, StringComparison.Ordinal);
        Assert.Equal("PendingDeletion", AwsCli.Str(deletedKey["KeyMetadata"]!["KeyState"]));
    }

    [Fact]
    public async Task Cloudformation_deploy_creates_and_updates_the_foundation_through_change_sets()
    {
        var aws = new AwsCli(cloud.Endpoint);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(Templates.PathOf("platform/foundation.yaml"))))!;
        var platform = "cli" + suffix;

        var created = await aws.RunAsync("cloudformation", "deploy", "--stack-name", "foundation-" + suffix, "--template-file", Path.Combine(root, "platform", "foundation.yaml"),
            "--capabilities", "CAPABILITY_NAMED_IAM", "--parameter-overrides", "PlatformName=" + platform, "EnableDetectiveControl=false");
        // The CLI names each deploy's change set after the current second; two deploys in one second would
        // ask for the same name (AlreadyExistsException, on AWS too), so each deploy starts in a new second.
        await NextSecondAsync();
        var updated = await aws.RunAsync("cloudformation", "deploy", "--stack-name", "foundation-" + suffix, "--template-file", Path.Combine(root, "platform", "foundation.yaml"),
            "--capabilities", "CAPABILITY_NAMED_IAM", "--parameter-overrides", "PlatformName=" + platform, "EnableDetectiveControl=true");
        await NextSecondAsync();
        var unchanged = await aws.RunAsync("cloudformation", "deploy", "--stack-name", "foundation-" + suffix, "--template-file", Path.Combine(root, "platform", "foundation.yaml"),
            "--capabilities", "CAPABILITY_NAMED_IAM", "--parameter-overrides", "PlatformName=" + platform, "EnableDetectiveControl=true");
        var changeSets = await aws.JsonAsync("cloudformation", "list-change-sets", "--stack-name", "foundation-" + suffix);
        var foundation = await aws.JsonAsync("cloudformation", "describe-stacks", "--stack-name", "foundation-" + suffix);

        Assert.True(created.ExitCode == 0, created.StandardError);
        Assert.True(updated.ExitCode == 0, updated.StandardError);
        Assert.Contains("No changes to deploy", unchanged.StandardError + unchanged.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("UPDATE_COMPLETE", AwsCli.Str(foundation["Stacks"]![0]!["StackStatus"]));
        Assert.Equal("true", AwsCli.Str(foundation["Stacks"]![0]!["Parameters"]!.AsArray().Single(p => AwsCli.Str(p!["ParameterKey"]) == "EnableDetectiveControl")!["ParameterValue"]));
        Assert.Contains(changeSets["Summaries"]!.AsArray(), c => AwsCli.Str(c!["Status"]) == "FAILED");
    }

    private static async Task NextSecondAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromMilliseconds(1000 - now.Millisecond + 50), TestContext.Current.CancellationToken);
    }
}
