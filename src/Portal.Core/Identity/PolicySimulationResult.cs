namespace Portal.Core.Identity;

/// <summary>The decision for one action and resource. Decision is an open string: allowed, explicitDeny, implicitDeny.</summary>
public sealed record PolicySimulationResult(
    string Action,
    string Resource,
    string Decision,
    IReadOnlyList<string> MatchedStatementIds,
    IReadOnlyList<string> MissingContextKeys)
{
    public bool IsAllowed => string.Equals(Decision, "allowed", StringComparison.OrdinalIgnoreCase);
}
