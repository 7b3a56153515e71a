using System.Text.Json.Nodes;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>The repository's templates deployed, updated and deleted through LocalCloud's CloudFormation API.</summary>
public sealed class WorkshopDeploymentTests : IAsyncLifetime
{
    private LocalCloudServer? _server;

    private LocalCloudServer Server => _server!;

    public async ValueTask InitializeAsync() => _server = await LocalCloudServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Foundation_environment_and_notebook_deploy_update_to_v2_and_delete()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);

        await cfn.CreateStackAsync("sdsp-foundation", Templates.Read("platform/foundation.yaml"));
        Assert.True(await cfn.StatusAsync("sdsp-foundation") == "CREATE_COMPLETE", await cfn.FailuresAsync("sdsp-foundation"));

        var environment = new Dictionary<string, string> { ["ProjectName"] = "churn", ["EnvironmentType"] = "dev" };
        await cfn.CreateStackAsync("churn-dev", Templates.Read("environment/project-environment.yaml"), environment);
        Assert.True(await cfn.StatusAsync("churn-dev") == "CREATE_COMPLETE", await cfn.FailuresAsync("churn-dev"));

        var notebook = new Dictionary<string, string> { ["ProjectName"] = "churn", ["EnvironmentType"] = "dev", ["NotebookName"] = "alice", ["NotebookOwner"] = "alice@example.com" };
        await cfn.CreateStackAsync("churn-dev-nb-alice", Templates.Read("products/sagemaker-notebook/v1.yaml"), notebook);
        Assert.True(await cfn.StatusAsync("churn-dev-nb-alice") == "CREATE_COMPLETE", await cfn.FailuresAsync("churn-dev-nb-alice"));

        var described = await wire.SageMakerAsync("DescribeNotebookInstance", new JsonObject { ["NotebookInstanceName"] = "churn-dev-alice" });
        Assert.Equal("Disabled", described["RootAccess"]!.GetValue<string>());
        Assert.Equal("Disabled", described["DirectInternetAccess"]!.GetValue<string>());
    }
}
