using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>
/// CloudFormation's persisted part of one account and Region: the orchestrator's captured stacks and exports,
/// and the records of resource types LocalCloud provisions without a service store of their own.
/// </summary>
public sealed class CloudFormationRegionState
{
    /// <summary>The last <see cref="StackOrchestrator.CaptureState"/>; null before the first stack.</summary>
    public CloudFormationState? Stacks { get; set; }

    /// <summary>Records of shallow resource types (Lambda, Events, Logs, CodeCommit, …) by <c>type|name</c>.</summary>
    public Dictionary<string, CfnRecord> Records { get; set; } = [];

    /// <summary>Change sets by ARN (CreateChangeSet … ExecuteChangeSet, as <c>aws cloudformation deploy</c> uses them).</summary>
    public Dictionary<string, ChangeSetRecord> ChangeSets { get; set; } = [];
}
