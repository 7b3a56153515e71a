using System.Text.Json;
using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class StateRoundTripTests
{
    private static readonly StackEnvironment Region = new("123456789012", "eu-west-2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stacks_and_exports_survive_a_json_round_trip_and_keep_working()
    {
        var templates = new FakeTemplateSource();
        templates.Bodies[WorkshopTemplates.NetworkUrl] = WorkshopTemplates.Network;
        var provisioner = new InMemoryResourceProvisioner();
        var before = new StackOrchestrator(Region, provisioner, TimeProvider.System, templates: templates);
        var environment = await before.CreateStackAsync(new CreateStackRequest("env")
        {
            TemplateBody = WorkshopTemplates.Environment,
            Parameters = [new ParameterInput("ProjectName", "fraud")],
        }, Ct);
        await before.CreateStackAsync(new CreateStackRequest("nb")
        {
            TemplateBody = WorkshopTemplates.NotebookV1,
            Parameters = [new ParameterInput("ProjectName", "fraud"), new ParameterInput("NotebookOwnerUsername", "alice")],
            Capabilities = [Capabilities.NamedIam],
        }, Ct);

        var json = JsonSerializer.Serialize(before.CaptureState());
        var after = new StackOrchestrator(Region, provisioner, TimeProvider.System, templates: templates);
        after.RestoreState(JsonSerializer.Deserialize<CloudFormationState>(json)!);

        var restored = after.Stacks.Get("env");
        Assert.Equal(environment.StackId, restored.StackId);
        Assert.Equal(environment.GetEvents().Count, restored.GetEvents().Count);
        Assert.Equal(environment.GetResources().Select(r => r.PhysicalId), restored.GetResources().Select(r => r.PhysicalId));
        Assert.Equal(before.Exports.List(), after.Exports.List());
        Assert.Equal("fraud", restored.Parameters["ProjectName"].SuppliedValue);

        await after.DeleteStackAsync("env", Ct);
        Assert.Equal(StackStatus.DeleteFailed, restored.Status);
        await after.DeleteStackAsync("nb", Ct);
        await after.DeleteStackAsync("env", Ct);
        Assert.Equal(StackStatus.DeleteComplete, restored.Status);
        Assert.Empty(provisioner.Resources);
    }

    [Fact]
    public async Task Restoring_into_an_orchestrator_with_stacks_is_refused()
    {
        var orchestrator = new StackOrchestrator(Region, new InMemoryResourceProvisioner(), TimeProvider.System);
        await orchestrator.CreateStackAsync(new CreateStackRequest("s") { TemplateBody = "Resources:\n  B: { Type: AWS::S3::Bucket }\n" }, Ct);
        Assert.Throws<InvalidOperationException>(() => orchestrator.RestoreState(orchestrator.CaptureState()));
    }
}
