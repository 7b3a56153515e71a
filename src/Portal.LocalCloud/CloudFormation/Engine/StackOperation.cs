namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// A validated operation whose stack is already registered and in <c>*_IN_PROGRESS</c>; run it with
/// <see cref="StackOrchestrator.RunAsync"/> (in the background if the caller answers the API call first).
/// </summary>
public sealed class StackOperation
{
    internal StackOperation(StackOperationKind kind, Stack stack)
    {
        Kind = kind;
        Stack = stack;
    }

    public StackOperationKind Kind { get; }

    public Stack Stack { get; }

    internal Template? Template { get; init; }

    internal IReadOnlyDictionary<string, ResolvedParameter>? Parameters { get; init; }

    internal DependencyGraph? Graph { get; init; }

    internal OnFailure OnFailure { get; init; }

    internal IReadOnlyList<string> Capabilities { get; init; } = [];

    internal IReadOnlyDictionary<string, string>? Tags { get; init; }

    internal bool DisableRollback { get; init; }

    internal string? RoleArn { get; init; }

    internal IReadOnlySet<string> RetainResources { get; init; } = new HashSet<string>();
}
