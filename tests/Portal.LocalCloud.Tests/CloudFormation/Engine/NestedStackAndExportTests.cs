using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class NestedStackAndExportTests
{
    private const string ChildUrl = "https://s3.eu-west-2.amazonaws.com/templates/child.yaml";

    private const string Child = """
        Parameters:
          Prefix: { Type: String }
          Fail: { Type: String, Default: "no" }
        Resources:
          Param:
            Type: AWS::SSM::Parameter
            Properties: { Type: String, Value: !Sub '${Prefix}-value' }
          Broken:
            Type: AWS::SSM::Parameter
            Properties: { Type: String, Value: !Ref Fail }
        Outputs:
          ParamName: { Value: !Ref Param }
        """;

    private const string Parent = $$"""
        Parameters:
          Fail: { Type: String, Default: "no" }
        Resources:
          Network:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: {{ChildUrl}}
              Parameters: { Prefix: parent, Fail: !Ref Fail }
          Consumer:
            Type: AWS::SSM::Parameter
            Properties: { Type: String, Value: !GetAtt Network.Outputs.ParamName }
        Outputs:
          FromChild: { Value: !GetAtt Consumer.Value }
        """;

    private static readonly StackEnvironment Environment = new("123456789012", "eu-west-2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (StackOrchestrator Orchestrator, InMemoryResourceProvisioner Provisioner) Setup()
    {
        var templates = new FakeTemplateSource();
        templates.Bodies[ChildUrl] = Child;
        var provisioner = new InMemoryResourceProvisioner { FailCreate = r => TemplateValues.AsString(r.Properties["Value"]) == "yes" ? "told to fail" : null };
        return (new StackOrchestrator(Environment, provisioner, TimeProvider.System, templates: templates), provisioner);
    }

    [Fact]
    public async Task A_nested_stack_is_created_its_outputs_are_readable_and_deleting_the_parent_deletes_it()
    {
        var (orchestrator, provisioner) = Setup();

        var parent = await orchestrator.CreateStackAsync(new CreateStackRequest("root") { TemplateBody = Parent }, Ct);

        Assert.Equal(StackStatus.CreateComplete, parent.Status);
        var childId = parent.FindResource("Network")!.PhysicalId!;
        var child = orchestrator.Stacks.Get(childId);
        Assert.Matches("^root-Network-[A-Z0-9]{13}$", child.StackName);
        Assert.Equal(parent.StackId, child.ParentId);
        Assert.Equal(parent.StackId, child.RootId);
        var childParam = child.FindResource("Param")!.PhysicalId;
        Assert.Equal(childParam, parent.Outputs.Single().OutputValue);
        Assert.Equal("parent-value", TemplateValues.AsString(provisioner.Resources[childParam!].Properties["Value"]));

        await orchestrator.DeleteStackAsync("root", Ct);
        Assert.Equal(StackStatus.DeleteComplete, parent.Status);
        Assert.Equal(StackStatus.DeleteComplete, child.Status);
        Assert.Empty(provisioner.Resources);
    }

    [Fact]
    public async Task A_failing_nested_stack_fails_its_parent_with_the_embedded_stack_reason()
    {
        var (orchestrator, provisioner) = Setup();

        var parent = await orchestrator.CreateStackAsync(
            new CreateStackRequest("root") { TemplateBody = Parent, Parameters = [new ParameterInput("Fail", "yes")] }, Ct);

        Assert.Equal(StackStatus.RollbackComplete, parent.Status);
        var child = orchestrator.Stacks.All().Single(s => s.ParentId == parent.StackId);
        Assert.Equal(
            $"Embedded stack {child.StackId} was not successfully created: The following resource(s) failed to create: [Broken]. Rollback requested by user.",
            parent.FailureReason);
        Assert.Equal(StackStatus.DeleteComplete, child.Status);
        Assert.Empty(provisioner.Resources);
    }

    [Fact]
    public async Task A_nested_stack_whose_template_is_missing_fails_the_resource()
    {
        var (orchestrator, _) = Setup();
        var parent = await orchestrator.CreateStackAsync(
            new CreateStackRequest("root") { TemplateBody = Parent.Replace(ChildUrl, "https://bucket.s3.amazonaws.com/none.yaml", StringComparison.Ordinal) }, Ct);
        Assert.Equal(StackStatus.RollbackComplete, parent.Status);
        Assert.Equal("TemplateURL must reference a valid S3 object to which you have access.", parent.FailureReason);
    }

    [Fact]
    public async Task Updating_the_parent_updates_the_child()
    {
        var (orchestrator, provisioner) = Setup();
        var parent = await orchestrator.CreateStackAsync(new CreateStackRequest("root") { TemplateBody = Parent }, Ct);
        var child = orchestrator.Stacks.Get(parent.FindResource("Network")!.PhysicalId!);

        await orchestrator.UpdateStackAsync(new UpdateStackRequest("root")
        {
            TemplateBody = Parent.Replace("Prefix: parent", "Prefix: renamed", StringComparison.Ordinal),
        }, Ct);

        Assert.Equal(StackStatus.UpdateComplete, parent.Status);
        Assert.Equal(StackStatus.UpdateComplete, child.Status);
        Assert.Equal(child.StackId, parent.FindResource("Network")!.PhysicalId);
        Assert.Equal("renamed-value", TemplateValues.AsString(provisioner.Resources[child.FindResource("Param")!.PhysicalId!].Properties["Value"]));
    }

    [Fact]
    public async Task An_export_in_use_cannot_be_deleted_and_duplicate_export_names_are_refused()
    {
        var provisioner = new InMemoryResourceProvisioner();
        var orchestrator = new StackOrchestrator(Environment, provisioner, TimeProvider.System);
        const string exporter = """
            Resources:
              Vpc: { Type: AWS::EC2::VPC }
            Outputs:
              VpcId:
                Value: !Ref Vpc
                Export: { Name: shared-vpc }
            """;
        const string importer = """
            Resources:
              P:
                Type: AWS::SSM::Parameter
                Properties: { Type: String, Value: !ImportValue shared-vpc }
            """;
        var producer = await orchestrator.CreateStackAsync(new CreateStackRequest("producer") { TemplateBody = exporter }, Ct);
        var consumer = await orchestrator.CreateStackAsync(new CreateStackRequest("consumer") { TemplateBody = importer }, Ct);
        Assert.Equal(producer.FindResource("Vpc")!.PhysicalId, TemplateValues.AsString(consumer.FindResource("P")!.Properties["Value"]));

        await orchestrator.DeleteStackAsync("producer", Ct);
        Assert.Equal(StackStatus.DeleteFailed, producer.Status);
        Assert.Equal("Export shared-vpc cannot be deleted as it is in use by consumer", producer.StatusReason);
        Assert.NotNull(producer.FindResource("Vpc"));

        var duplicate = await orchestrator.CreateStackAsync(new CreateStackRequest("copycat") { TemplateBody = exporter }, Ct);
        Assert.Equal(StackStatus.RollbackComplete, duplicate.Status);
        Assert.Equal("Export with name shared-vpc is already exported by stack producer", duplicate.FailureReason);

        await orchestrator.DeleteStackAsync("consumer", Ct);
        await orchestrator.DeleteStackAsync("producer", Ct);
        Assert.Equal(StackStatus.DeleteComplete, producer.Status);
        Assert.Empty(orchestrator.Exports.List());
    }

    [Fact]
    public async Task Importing_a_missing_export_fails_the_resource()
    {
        var orchestrator = new StackOrchestrator(Environment, new InMemoryResourceProvisioner(), TimeProvider.System);
        var stack = await orchestrator.CreateStackAsync(new CreateStackRequest("c")
        {
            TemplateBody = "Resources:\n  P: { Type: AWS::SSM::Parameter, Properties: { Type: String, Value: !ImportValue nope } }\n",
        }, Ct);
        Assert.Equal(StackStatus.RollbackComplete, stack.Status);
        Assert.Equal("No export named nope found.", stack.FailureReason);
    }

    [Fact]
    public async Task Changing_an_imported_export_rolls_the_update_back()
    {
        var orchestrator = new StackOrchestrator(Environment, new InMemoryResourceProvisioner(), TimeProvider.System);
        const string exporter = """
            Parameters:
              Value: { Type: String, Default: one }
            Resources:
              P: { Type: AWS::SSM::Parameter, Properties: { Type: String, Value: !Ref Value } }
            Outputs:
              Shared: { Value: !GetAtt P.Value, Export: { Name: shared-value } }
            """;
        var producer = await orchestrator.CreateStackAsync(new CreateStackRequest("producer") { TemplateBody = exporter }, Ct);
        await orchestrator.CreateStackAsync(new CreateStackRequest("consumer")
        {
            TemplateBody = "Resources:\n  C: { Type: AWS::SSM::Parameter, Properties: { Type: String, Value: !ImportValue shared-value } }\n",
        }, Ct);

        await orchestrator.UpdateStackAsync(new UpdateStackRequest("producer") { UsePreviousTemplate = true, Parameters = [new ParameterInput("Value", "two")] }, Ct);

        Assert.Equal(StackStatus.UpdateRollbackComplete, producer.Status);
        Assert.Equal("Export shared-value cannot be updated as it is in use by consumer", producer.LastFailureSummary);
        Assert.Equal("one", orchestrator.Exports.ValueOf("shared-value"));
        Assert.Equal("one", TemplateValues.AsString(producer.FindResource("P")!.Properties["Value"]));
    }
}
