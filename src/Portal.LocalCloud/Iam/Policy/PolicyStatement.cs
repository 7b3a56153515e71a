namespace Portal.LocalCloud.Iam.Policy;

/// <summary>One statement of a policy document. Exactly one of Actions/NotActions is set; likewise for resources.</summary>
public sealed record PolicyStatement(
    int Index,
    string? Sid,
    PolicyEffect Effect,
    IReadOnlyList<string>? Actions,
    IReadOnlyList<string>? NotActions,
    IReadOnlyList<string>? Resources,
    IReadOnlyList<string>? NotResources,
    PolicyPrincipal? Principal,
    PolicyPrincipal? NotPrincipal,
    IReadOnlyList<PolicyCondition> Conditions)
{
    /// <summary>Just after the statement's opening brace, as the IAM simulator reports it.</summary>
    public PolicyPosition? StartPosition { get; init; }

    /// <summary>Just after the statement's closing brace.</summary>
    public PolicyPosition? EndPosition { get; init; }
}
