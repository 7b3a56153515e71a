namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Everything an orchestrator holds for one account and Region, as plain records that System.Text.Json serialises,
/// so LocalCloud's persistence can save it and a restart loses nothing (<see cref="StackOrchestrator.CaptureState"/>,
/// <see cref="StackOrchestrator.RestoreState"/>).
/// </summary>
public sealed record CloudFormationState(
    IReadOnlyList<StackState> Stacks,
    IReadOnlyList<StackExport> Exports,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Importers);
