using Portal.LocalCloud.Auth;

namespace Portal.LocalCloud.Sts;

/// <summary>
/// Decides whether a role's trust policy lets the caller perform the given STS actions
/// (<c>sts:AssumeRole</c>, plus <c>sts:TagSession</c> / <c>sts:SetSourceIdentity</c> when used).
/// The default is <see cref="PrincipalMatchTrustPolicyEvaluator"/>; the IAM policy evaluator can replace it.
/// </summary>
public interface ITrustPolicyEvaluator
{
    bool Allows(string trustPolicyDocument, CallerIdentity caller, string action);
}
