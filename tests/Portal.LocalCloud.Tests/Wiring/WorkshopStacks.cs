using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>Deploys the repository's foundation, project environment (churn/dev) and notebook v1 (alice) as stacks.</summary>
internal sealed class WorkshopStacks
{
    public const string Foundation = "sdsp-foundation";
    public const string Environment = "churn-dev";
    public const string Notebook = "churn-dev-nb-alice";
    public const string NotebookInstanceName = "churn-dev-alice";

    public static readonly IReadOnlyDictionary<string, string> EnvironmentParameters =
        new Dictionary<string, string> { ["ProjectName"] = "churn", ["EnvironmentType"] = "dev" };

    public static readonly IReadOnlyDictionary<string, string> NotebookParameters =
        new Dictionary<string, string> { ["ProjectName"] = "churn", ["EnvironmentType"] = "dev", ["NotebookName"] = "alice", ["NotebookOwner"] = "alice@example.com" };

    private WorkshopStacks(CfnClient cfn) => Cfn = cfn;

    public CfnClient Cfn { get; }

    public Dictionary<string, string> EnvironmentOutputs { get; private set; } = [];

    public Dictionary<string, string> NotebookOutputs { get; private set; } = [];

    public static async Task<WorkshopStacks> DeployAsync(AwsWireClient wire)
    {
        var stacks = new WorkshopStacks(new CfnClient(wire));
        await stacks.CreateAsync(Foundation, "platform/foundation.yaml", null);
        await stacks.CreateAsync(Environment, "environment/project-environment.yaml", EnvironmentParameters);
        await stacks.CreateAsync(Notebook, "products/sagemaker-notebook/v1.yaml", NotebookParameters);
        stacks.EnvironmentOutputs = await stacks.Cfn.OutputsAsync(Environment);
        stacks.NotebookOutputs = await stacks.Cfn.OutputsAsync(Notebook);
        return stacks;
    }

    /// <summary>Updates the notebook stack to v2 with UsePreviousValue on every parameter, as the workshop's Lab 5 does.</summary>
    public async Task UpdateNotebookToV2Async()
    {
        await Cfn.UpdateStackAsync(Notebook, Templates.Read("products/sagemaker-notebook/v2.yaml"), usePrevious: NotebookParameters.Keys);
        var status = await Cfn.StatusAsync(Notebook);
        Assert.True(status == "UPDATE_COMPLETE", status + "\n" + await Cfn.FailuresAsync(Notebook));
        NotebookOutputs = await Cfn.OutputsAsync(Notebook);
    }

    private async Task CreateAsync(string name, string template, IReadOnlyDictionary<string, string>? parameters)
    {
        await Cfn.CreateStackAsync(name, Templates.Read(template), parameters);
        var status = await Cfn.StatusAsync(name);
        Assert.True(status == "CREATE_COMPLETE", status + "\n" + await Cfn.FailuresAsync(name));
    }
}
