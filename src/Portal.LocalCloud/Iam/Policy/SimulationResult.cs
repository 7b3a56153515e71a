namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// One EvaluationResults entry of SimulatePrincipalPolicy. <see cref="EvalResourceName"/> is <c>*</c> when no resource
/// was given; with resources, <see cref="ResourceSpecificResults"/> holds one result per ARN.
/// </summary>
public sealed record SimulationResult(
    string EvalActionName,
    string EvalResourceName,
    string EvalDecision,
    IReadOnlyList<MatchedStatement> MatchedStatements,
    IReadOnlyList<string> MissingContextValues,
    IReadOnlyList<PolicyEvaluationResult> ResourceSpecificResults);
