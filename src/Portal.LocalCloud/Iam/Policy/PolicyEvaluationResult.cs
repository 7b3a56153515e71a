namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// The outcome for one action on one resource: decision, the statements that decided it (Deny statements for
/// explicitDeny, Allow statements for allowed, none for implicitDeny) and the context keys referenced but absent.
/// </summary>
public sealed record PolicyEvaluationResult(
    string Action,
    string Resource,
    EvaluationDecision Decision,
    DenyingPolicyKind DecidedBy,
    IReadOnlyList<MatchedStatement> MatchedStatements,
    IReadOnlyList<string> MissingContextValues)
{
    public bool IsAllowed => Decision == EvaluationDecision.Allowed;

    /// <summary>The wire spelling: <c>allowed</c>, <c>explicitDeny</c> or <c>implicitDeny</c>.</summary>
    public string EvalDecision => Decision switch
    {
        EvaluationDecision.Allowed => "allowed",
        EvaluationDecision.ExplicitDeny => "explicitDeny",
        _ => "implicitDeny",
    };
}
