namespace Portal.LocalCloud.Iam;

/// <summary>One evaluation result: decision <c>allowed</c>, <c>explicitDeny</c> or <c>implicitDeny</c>.</summary>
public sealed record PolicySimulationResult(
    string EvalActionName,
    string EvalResourceName,
    string EvalDecision,
    IReadOnlyList<string> MatchedStatementIds,
    IReadOnlyList<string> MissingContextValues);
