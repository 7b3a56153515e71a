namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// The trust policy's answer to an AssumeRole. <see cref="RequiresIdentityAllow"/> is true when the trust policy only
/// trusts the caller's whole account: the caller's own identity policy must then also allow <c>sts:AssumeRole</c>.
/// </summary>
public sealed record TrustDecision(EvaluationDecision Decision, bool RequiresIdentityAllow, string? AccessDeniedMessage)
{
    public bool IsAllowed => Decision == EvaluationDecision.Allowed;
}
