namespace Portal.LocalCloud.Iam.Policy;

/// <summary>A statement that decided the result: SimulatePrincipalPolicy's MatchedStatements entry (plus the Sid).</summary>
public sealed record MatchedStatement(string SourcePolicyId, string SourcePolicyType, string? Sid, int StatementIndex)
{
    public PolicyPosition? StartPosition { get; init; }

    public PolicyPosition? EndPosition { get; init; }
}
