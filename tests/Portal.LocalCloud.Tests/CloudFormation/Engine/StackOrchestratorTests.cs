using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class StackOrchestratorTests
{
    private const string NetworkTemplate = """
        Parameters:
          Project: { Type: String, Default: demo }
          Cidr: { Type: String, Default: 10.2.0.0/16 }
        Conditions:
          WithLogs: !Equals [!Ref Project, logs]
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: !Ref Cidr }
          Subnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 3, 8]]
              AvailabilityZone: !Select [0, !GetAZs '']
          Key:
            Type: AWS::KMS::Key
            Properties: { Description: !Sub '${Project} key' }
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketEncryption: { KmsKeyId: !GetAtt Key.Arn }
          Logs:
            Type: AWS::Logs::LogGroup
            Condition: WithLogs
        Outputs:
          SubnetId: { Value: !Ref Subnet }
          BucketArn:
            Value: !GetAtt Bucket.Arn
            Export: { Name: !Sub '${Project}-bucket-arn' }
        """;

    private static readonly StackEnvironment Environment = new("123456789012", "eu-west-2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StackOrchestrator Orchestrator(InMemoryResourceProvisioner provisioner, FakeTemplateSource? templates = null) =>
        new(Environment, provisioner, TimeProvider.System, templates: templates);

    private static CreateStackRequest Create(string name, string body, params ParameterInput[] parameters) =>
        new(name) { TemplateBody = body, Parameters = parameters, Capabilities = [Capabilities.NamedIam] };

    private static List<string> ResourceEvents(Stack stack) =>
        stack.GetEvents().Where(e => e.LogicalResourceId != stack.StackName).Select(e => $"{e.LogicalResourceId}:{e.ResourceStatus}").ToList();

    [Fact]
    public async Task Create_provisions_in_dependency_order_with_events_outputs_and_exports()
    {
        var provisioner = new InMemoryResourceProvisioner();
        var orchestrator = Orchestrator(provisioner);

        var stack = await orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct);

        Assert.Equal(StackStatus.CreateComplete, stack.Status);
        Assert.Equal(["Create:Vpc", "Create:Subnet", "Create:Key", "Create:Bucket"], provisioner.Calls);
        Assert.Equal(
            ["Vpc:CREATE_IN_PROGRESS", "Vpc:CREATE_IN_PROGRESS", "Vpc:CREATE_COMPLETE"],
            ResourceEvents(stack).Take(3));
        Assert.Equal("Resource creation Initiated", stack.GetEvents().First(e => e.LogicalResourceId == "Vpc" && e.PhysicalResourceId.Length > 0).ResourceStatusReason);
        Assert.Equal(["User Initiated", null], stack.GetEvents().Where(e => e.LogicalResourceId == "net").Select(e => e.ResourceStatusReason));
        Assert.Null(stack.FindResource("Logs"));

        var subnet = stack.FindResource("Subnet")!;
        Assert.StartsWith("subnet-", subnet.PhysicalId, StringComparison.Ordinal);
        Assert.Equal("10.2.0.0/24", TemplateValues.AsString(subnet.Properties["CidrBlock"]));
        Assert.Equal("eu-west-2a", TemplateValues.AsString(subnet.Properties["AvailabilityZone"]));
        Assert.Equal(stack.FindResource("Vpc")!.PhysicalId, TemplateValues.AsString(subnet.Properties["VpcId"]));
        Assert.Equal(subnet.PhysicalId, stack.Outputs.Single(o => o.OutputKey == "SubnetId").OutputValue);

        var bucket = stack.FindResource("Bucket")!;
        Assert.Matches("^net-bucket-[a-z0-9]{12}$", bucket.PhysicalId);
        var export = Assert.Single(orchestrator.Exports.List());
        Assert.Equal(("demo-bucket-arn", $"arn:aws:s3:::{bucket.PhysicalId}"), (export.Name, export.Value));
        Assert.StartsWith("arn:aws:cloudformation:eu-west-2:123456789012:stack/net/", stack.StackId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_resource_rolls_back_in_reverse_order_to_ROLLBACK_COMPLETE_with_its_reason()
    {
        var provisioner = new InMemoryResourceProvisioner { FailCreate = r => r.LogicalId == "Bucket" ? "Bucket name is not valid" : null };
        var orchestrator = Orchestrator(provisioner);

        var stack = await orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct);

        Assert.Equal(StackStatus.RollbackComplete, stack.Status);
        Assert.Contains("Bucket name is not valid", stack.FailureReason, StringComparison.Ordinal);
        Assert.Contains("HandlerErrorCode: InvalidRequest", stack.FailureReason, StringComparison.Ordinal);
        Assert.Equal(["Delete:Key", "Delete:Subnet", "Delete:Vpc"], provisioner.Calls.Where(c => c.StartsWith("Delete", StringComparison.Ordinal)));
        Assert.Empty(provisioner.Resources);
        Assert.Empty(stack.GetResources());
        Assert.Empty(orchestrator.Exports.List());
        var rollback = stack.GetEvents().Single(e => e.ResourceStatus == StackStatus.RollbackInProgress);
        Assert.Equal("The following resource(s) failed to create: [Bucket]. Rollback requested by user.", rollback.ResourceStatusReason);
        Assert.Contains("Bucket:CREATE_FAILED", ResourceEvents(stack));

        var update = await Assert.ThrowsAsync<CloudFormationException>(() =>
            orchestrator.UpdateStackAsync(new UpdateStackRequest("net") { UsePreviousTemplate = true }, Ct));
        Assert.Equal($"Stack:{stack.StackId} is in ROLLBACK_COMPLETE state and can not be updated.", update.Message);
    }

    [Fact]
    public async Task OnFailure_DO_NOTHING_keeps_the_created_resources_in_CREATE_FAILED()
    {
        var provisioner = new InMemoryResourceProvisioner { FailCreate = r => r.LogicalId == "Bucket" ? "no" : null };
        var stack = await Orchestrator(provisioner).CreateStackAsync(Create("net", NetworkTemplate) with { OnFailure = OnFailure.DoNothing }, Ct);
        Assert.Equal(StackStatus.CreateFailed, stack.Status);
        Assert.Equal(3, provisioner.Resources.Count);
    }

    [Fact]
    public async Task Unsupported_types_and_missing_required_properties_fail_the_resource()
    {
        var orchestrator = Orchestrator(new InMemoryResourceProvisioner());
        var unsupported = await orchestrator.CreateStackAsync(Create("a", "Resources:\n  T: { Type: AWS::GameLift::Fleet }\n"), Ct);
        Assert.Equal(StackStatus.RollbackComplete, unsupported.Status);
        Assert.Contains("resource type AWS::GameLift::Fleet is not supported by LocalCloud", unsupported.FailureReason, StringComparison.Ordinal);

        var invalid = await orchestrator.CreateStackAsync(Create("b", "Resources:\n  P: { Type: AWS::SSM::Parameter, Properties: { Type: String } }\n"), Ct);
        Assert.Equal("Properties validation failed for resource P with message: #: required key [Value] not found", invalid.FailureReason);
    }

    [Fact]
    public async Task Synchronous_refusals_register_nothing()
    {
        var orchestrator = Orchestrator(new InMemoryResourceProvisioner());
        var iam = "Resources:\n  R: { Type: AWS::IAM::Role, Properties: { AssumeRolePolicyDocument: {} } }\n";
        var capability = await Assert.ThrowsAsync<CloudFormationException>(() =>
            orchestrator.CreateStackAsync(new CreateStackRequest("iam") { TemplateBody = iam }, Ct));
        Assert.Equal("Requires capabilities : [CAPABILITY_IAM]", capability.Message);

        var badName = await Assert.ThrowsAsync<CloudFormationException>(() => orchestrator.CreateStackAsync(Create("1bad", NetworkTemplate), Ct));
        Assert.Contains("Member must satisfy regular expression pattern", badName.Message, StringComparison.Ordinal);
        Assert.Empty(orchestrator.Stacks.All());

        await orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct);
        var duplicate = await Assert.ThrowsAsync<CloudFormationException>(() => orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct));
        Assert.Equal((CloudFormationException.AlreadyExists, "Stack [net] already exists"), (duplicate.ErrorCode, duplicate.Message));
    }

    [Fact]
    public async Task Delete_runs_in_reverse_order_and_a_non_empty_bucket_leaves_DELETE_FAILED_until_emptied()
    {
        var provisioner = new InMemoryResourceProvisioner();
        var orchestrator = Orchestrator(provisioner);
        var stack = await orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct);
        provisioner.NonEmptyBuckets.Add(stack.FindResource("Bucket")!.PhysicalId!);

        await orchestrator.DeleteStackAsync("net", Ct);

        Assert.Equal(StackStatus.DeleteFailed, stack.Status);
        Assert.Equal("The following resource(s) failed to delete: [Bucket]. ", stack.StatusReason);
        Assert.Contains("The bucket you tried to delete is not empty", stack.FindResource("Bucket")!.StatusReason, StringComparison.Ordinal);
        Assert.NotNull(stack.FindResource("Key"));
        Assert.Null(stack.FindResource("Subnet"));

        provisioner.NonEmptyBuckets.Clear();
        await orchestrator.DeleteStackAsync("net", Ct);
        Assert.Equal(StackStatus.DeleteComplete, stack.Status);
        Assert.Empty(provisioner.Resources);
        Assert.Empty(orchestrator.Exports.List());
        Assert.Null(orchestrator.Stacks.Find("net"));
        Assert.Same(stack, orchestrator.Stacks.Find(stack.StackId));
        Assert.Equal("Delete:Bucket", provisioner.Calls.Where(c => c.StartsWith("Delete", StringComparison.Ordinal)).First());
    }

    [Fact]
    public async Task Retained_resources_are_skipped_on_delete()
    {
        var provisioner = new InMemoryResourceProvisioner();
        var orchestrator = Orchestrator(provisioner);
        await orchestrator.CreateStackAsync(Create("keep", "Resources:\n  B: { Type: AWS::S3::Bucket, DeletionPolicy: Retain }\n"), Ct);
        var stack = await orchestrator.DeleteStackAsync("keep", Ct);
        Assert.Equal(StackStatus.DeleteComplete, stack!.Status);
        Assert.Contains("B:DELETE_SKIPPED", ResourceEvents(stack));
        Assert.Single(provisioner.Resources);
    }

    [Fact]
    public async Task Update_changes_in_place_replaces_when_documented_and_cleans_up_the_old_resource()
    {
        var provisioner = new InMemoryResourceProvisioner();
        var orchestrator = Orchestrator(provisioner);
        var stack = await orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct);
        var oldVpc = stack.FindResource("Vpc")!.PhysicalId;
        var oldSubnet = stack.FindResource("Subnet")!.PhysicalId;
        var key = stack.FindResource("Key")!.PhysicalId;

        await orchestrator.UpdateStackAsync(new UpdateStackRequest("net")
        {
            UsePreviousTemplate = true,
            Parameters = [new ParameterInput("Project", "other"), new ParameterInput("Cidr", "10.3.0.0/16")],
        }, Ct);

        Assert.Equal(StackStatus.UpdateComplete, stack.Status);
        Assert.Equal(key, stack.FindResource("Key")!.PhysicalId);
        Assert.Contains("Update:Key", provisioner.Calls);
        Assert.NotEqual(oldVpc, stack.FindResource("Vpc")!.PhysicalId);
        Assert.NotEqual(oldSubnet, stack.FindResource("Subnet")!.PhysicalId);
        Assert.Equal(stack.FindResource("Vpc")!.PhysicalId, TemplateValues.AsString(stack.FindResource("Subnet")!.Properties["VpcId"]));
        Assert.False(provisioner.Resources.ContainsKey(oldVpc!));
        Assert.False(provisioner.Resources.ContainsKey(oldSubnet!));
        Assert.Contains(stack.GetEvents(), e => e.ResourceStatusReason == "Requested update requires the creation of a new physical resource; hence creating one.");
        Assert.Equal("other-bucket-arn", Assert.Single(orchestrator.Exports.List()).Name);
        Assert.Equal(
            [StackStatus.UpdateInProgress, StackStatus.UpdateCompleteCleanupInProgress, StackStatus.UpdateComplete],
            stack.GetEvents().Where(e => e.LogicalResourceId == "net").Skip(2).Select(e => e.ResourceStatus));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_is_refused()
    {
        var orchestrator = Orchestrator(new InMemoryResourceProvisioner());
        await orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct);
        var error = await Assert.ThrowsAsync<CloudFormationException>(() =>
            orchestrator.UpdateStackAsync(new UpdateStackRequest("net") { UsePreviousTemplate = true, Parameters = [new ParameterInput("Project", null, true)] }, Ct));
        Assert.Equal("No updates are to be performed.", error.Message);
    }

    [Fact]
    public async Task A_failed_update_rolls_back_to_UPDATE_ROLLBACK_COMPLETE_with_the_old_state()
    {
        var provisioner = new InMemoryResourceProvisioner
        {
            FailCreate = r => r.LogicalId == "Extra" ? "Extra refused" : null,
        };
        var orchestrator = Orchestrator(provisioner);
        var stack = await orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct);
        var before = stack.GetResources().ToDictionary(r => r.LogicalId, r => r.PhysicalId);
        var changed = NetworkTemplate.Replace("Resources:\n", "Resources:\n  Extra:\n    Type: AWS::SSM::Parameter\n    DependsOn: Bucket\n    Properties: { Type: String, Value: x }\n", StringComparison.Ordinal);

        await orchestrator.UpdateStackAsync(new UpdateStackRequest("net")
        {
            TemplateBody = changed,
            Parameters = [new ParameterInput("Project", "renamed")],
        }, Ct);

        Assert.Equal(StackStatus.UpdateRollbackComplete, stack.Status);
        Assert.Equal(before, stack.GetResources().ToDictionary(r => r.LogicalId, r => r.PhysicalId));
        Assert.Equal("demo key", TemplateValues.AsString(stack.FindResource("Key")!.Properties["Description"]));
        Assert.Equal("demo", stack.Parameters["Project"].SuppliedValue);
        Assert.Equal(2, provisioner.Calls.Count(c => c == "Update:Key"));
        Assert.Equal("The following resource(s) failed to create: [Extra]. ",
            stack.GetEvents().Single(e => e.ResourceStatus == StackStatus.UpdateRollbackInProgress).ResourceStatusReason);
        Assert.Equal("demo-bucket-arn", Assert.Single(orchestrator.Exports.List()).Name);
    }

    [Fact]
    public async Task Replacing_a_custom_named_resource_is_refused_with_AWS_text()
    {
        var orchestrator = Orchestrator(new InMemoryResourceProvisioner());
        var template = "Parameters:\n  Zone: { Type: String, Default: a }\nResources:\n  Nb:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties: { NotebookInstanceName: nb, InstanceType: ml.t3.medium, RoleArn: r, SubnetId: !Ref Zone }\n";
        var stack = await orchestrator.CreateStackAsync(Create("nb", template), Ct);
        await orchestrator.UpdateStackAsync(new UpdateStackRequest("nb") { UsePreviousTemplate = true, Parameters = [new ParameterInput("Zone", "b")] }, Ct);
        Assert.Equal(StackStatus.UpdateRollbackComplete, stack.Status);
        Assert.Equal("CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename nb and update the stack again.",
            stack.FailureReason);
    }

    [Fact]
    public async Task A_throwing_provisioner_fails_the_resource_instead_of_leaving_the_stack_in_progress()
    {
        var orchestrator = new StackOrchestrator(Environment, new ThrowingProvisioner(), TimeProvider.System);
        var stack = await orchestrator.CreateStackAsync(Create("boom", "Resources:\n  V: { Type: AWS::EC2::VPC }\n"), Ct);
        Assert.Equal(StackStatus.RollbackComplete, stack.Status);
        Assert.Contains("store unavailable", stack.FailureReason, StringComparison.Ordinal);
        Assert.Contains("HandlerErrorCode: InternalFailure", stack.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stack_events_have_unique_ids_and_ordered_timestamps()
    {
        var stack = await Orchestrator(new InMemoryResourceProvisioner()).CreateStackAsync(Create("net", NetworkTemplate), Ct);
        var events = stack.GetEvents();
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.True(events.Zip(events.Skip(1)).All(pair => pair.First.Timestamp < pair.Second.Timestamp));
    }

    [Fact]
    public async Task RetainResources_skips_resources_of_a_DELETE_FAILED_stack_and_is_refused_otherwise()
    {
        var provisioner = new InMemoryResourceProvisioner();
        var orchestrator = Orchestrator(provisioner);
        var stack = await orchestrator.CreateStackAsync(Create("keep", "Resources:\n  B: { Type: AWS::S3::Bucket }\n"), Ct);
        var refused = await Assert.ThrowsAsync<CloudFormationException>(() => orchestrator.DeleteStackAsync("keep", ["B"], Ct));
        Assert.EndsWith("RetainResources can only be specified when the stack is in the DELETE_FAILED state", refused.Message, StringComparison.Ordinal);

        provisioner.NonEmptyBuckets.Add(stack.FindResource("B")!.PhysicalId!);
        await orchestrator.DeleteStackAsync("keep", Ct);
        Assert.Equal(StackStatus.DeleteFailed, stack.Status);

        await orchestrator.DeleteStackAsync("keep", ["B"], Ct);
        Assert.Equal(StackStatus.DeleteComplete, stack.Status);
        Assert.Contains("B:DELETE_SKIPPED", ResourceEvents(stack));
        Assert.Single(provisioner.Resources);
    }

    [Theory]
    [InlineData("!GetAtt Bucket.Colour", "Template error: resource Bucket does not support attribute type Colour in Fn::GetAtt")]
    [InlineData("!Sub '${Bucket.Colour}'", "Template error: resource Bucket does not support attribute type Colour in Fn::GetAtt")]
    [InlineData("!GetAtt Ghost.Arn", "Template error: instance of Fn::GetAtt references undefined resource Ghost")]
    public async Task Bad_attribute_references_are_refused_before_anything_is_created(string value, string message)
    {
        var provisioner = new InMemoryResourceProvisioner();
        var body = $"Resources:\n  Bucket: {{ Type: AWS::S3::Bucket }}\n  P:\n    Type: AWS::SSM::Parameter\n    Properties: {{ Type: String, Value: {value} }}\n";
        var error = await Assert.ThrowsAsync<CloudFormationException>(() => Orchestrator(provisioner).CreateStackAsync(Create("bad", body), Ct));
        Assert.Equal(message, error.Message);
        Assert.Empty(provisioner.Calls);
    }

    [Fact]
    public async Task A_begun_create_is_visible_in_progress_before_it_runs()
    {
        var orchestrator = Orchestrator(new InMemoryResourceProvisioner());
        var operation = await orchestrator.BeginCreateStackAsync(Create("net", NetworkTemplate), Ct);
        Assert.Equal(StackStatus.CreateInProgress, orchestrator.Stacks.Get("net").Status);
        Assert.Empty(orchestrator.Stacks.Get("net").GetResources());
        var update = await Assert.ThrowsAsync<CloudFormationException>(() =>
            orchestrator.UpdateStackAsync(new UpdateStackRequest("net") { UsePreviousTemplate = true }, Ct));
        Assert.EndsWith("is in CREATE_IN_PROGRESS state and can not be updated.", update.Message, StringComparison.Ordinal);

        await orchestrator.RunAsync(operation, Ct);
        Assert.Equal(StackStatus.CreateComplete, operation.Stack.Status);
    }

    [Fact]
    public async Task Independent_stacks_can_run_concurrently()
    {
        var provisioner = new InMemoryResourceProvisioner();
        var orchestrator = Orchestrator(provisioner);
        var stacks = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(
            () => orchestrator.CreateStackAsync(Create($"net{i}", NetworkTemplate, new ParameterInput("Project", $"p{i}")), Ct), Ct)));
        Assert.All(stacks, s => Assert.Equal(StackStatus.CreateComplete, s.Status));
        Assert.Equal(24, provisioner.Resources.Count);
        Assert.Equal(6, orchestrator.Exports.List().Count);
    }

    [Fact]
    public async Task An_update_preview_classifies_changes_and_cascades_replacements_without_touching_the_stack()
    {
        var provisioner = new InMemoryResourceProvisioner();
        var orchestrator = Orchestrator(provisioner);
        var stack = await orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct);
        var calls = provisioner.Calls.Count;
        var events = stack.GetEvents().Count;

        var plan = (await orchestrator.PreviewUpdateAsync(new UpdateStackRequest("net")
        {
            UsePreviousTemplate = true,
            Parameters = [new ParameterInput("Project", "logs"), new ParameterInput("Cidr", "10.9.0.0/16")],
        }, Ct)).ToDictionary(c => c.LogicalId, c => c.Action);

        Assert.Equal(ChangeAction.Replace, plan["Vpc"]);
        Assert.Equal(ChangeAction.Replace, plan["Subnet"]);
        Assert.Equal(ChangeAction.UpdateInPlace, plan["Key"]);
        Assert.Equal(ChangeAction.None, plan["Bucket"]);
        Assert.Equal(ChangeAction.Add, plan["Logs"]);
        Assert.Equal(StackStatus.CreateComplete, stack.Status);
        Assert.Equal(calls, provisioner.Calls.Count);
        Assert.Equal(events, stack.GetEvents().Count);
    }

    [Fact]
    public async Task A_resource_whose_condition_turns_true_is_added_and_removed_again_when_it_turns_false()
    {
        var provisioner = new InMemoryResourceProvisioner();
        var orchestrator = Orchestrator(provisioner);
        var stack = await orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct);

        await orchestrator.UpdateStackAsync(new UpdateStackRequest("net") { UsePreviousTemplate = true, Parameters = [new ParameterInput("Project", "logs")] }, Ct);
        var logs = stack.FindResource("Logs")!.PhysicalId!;
        Assert.True(provisioner.Resources.ContainsKey(logs));

        await orchestrator.UpdateStackAsync(new UpdateStackRequest("net") { UsePreviousTemplate = true, Parameters = [new ParameterInput("Project", "demo")] }, Ct);
        Assert.Equal(StackStatus.UpdateComplete, stack.Status);
        Assert.Null(stack.FindResource("Logs"));
        Assert.False(provisioner.Resources.ContainsKey(logs));
    }

    [Fact]
    public async Task OnFailure_DELETE_deletes_the_stack_after_a_failed_create()
    {
        var provisioner = new InMemoryResourceProvisioner { FailCreate = r => r.LogicalId == "Bucket" ? "no" : null };
        var stack = await Orchestrator(provisioner).CreateStackAsync(Create("net", NetworkTemplate) with { OnFailure = OnFailure.Delete }, Ct);
        Assert.Equal(StackStatus.DeleteComplete, stack.Status);
        Assert.Empty(provisioner.Resources);
    }

    [Fact]
    public async Task A_failed_update_with_rollback_disabled_stops_in_UPDATE_FAILED()
    {
        var provisioner = new InMemoryResourceProvisioner { FailUpdate = r => r.LogicalId == "Key" ? "key is locked" : null };
        var orchestrator = Orchestrator(provisioner);
        var stack = await orchestrator.CreateStackAsync(Create("net", NetworkTemplate), Ct);
        await orchestrator.UpdateStackAsync(new UpdateStackRequest("net")
        {
            UsePreviousTemplate = true,
            Parameters = [new ParameterInput("Project", "other")],
            DisableRollback = true,
        }, Ct);
        Assert.Equal(StackStatus.UpdateFailed, stack.Status);
        Assert.Contains("key is locked", stack.FindResource("Key")!.StatusReason, StringComparison.Ordinal);
    }
}
