using Portal.LocalCloud.Auth;
using Portal.LocalCloud.Iam.Policy;
using Portal.LocalCloud.State;
using Portal.LocalCloud.Sts;

namespace Portal.LocalCloud.Iam.PolicyEnforcement;

/// <summary>
/// Trust-policy decisions by the IAM evaluator (<see cref="TrustPolicyEvaluator"/>): principals, actions and conditions,
/// explicit deny first; when the trust policy only names the account, the calling role's own policies must also allow
/// the action. LocalCloud's account-root keys (its default credentials) keep the principal-match rules, because AWS
/// refuses role assumption by a root caller outright and LocalCloud's tools sign as the root.
/// </summary>
public sealed class EvaluatingTrustPolicyEvaluator : ITrustPolicyEvaluator
{
    private readonly CloudStateHolder _holder;
    private readonly PrincipalMatchTrustPolicyEvaluator _rootFallback = new();

    public EvaluatingTrustPolicyEvaluator(CloudStateHolder holder) => _holder = holder;

    public bool Allows(string trustPolicyDocument, CallerIdentity caller, string action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Arn.EndsWith(":root", StringComparison.Ordinal))
        {
            return _rootFallback.Allows(trustPolicyDocument, caller, action);
        }

        PolicyDocument trust;
        try
        {
            trust = PolicyDocument.Parse(trustPolicyDocument, PolicyKind.Trust);
        }
        catch (PolicyFormatException)
        {
            return false;
        }

        var context = new Policy.RequestContext()
            .Set("aws:PrincipalArn", caller.PrincipalArn)
            .Set("aws:PrincipalAccount", caller.AccountId);
        if (caller.SourceIdentity is { } sourceIdentity)
        {
            context.Set("aws:SourceIdentity", sourceIdentity);
        }

        var decision = TrustPolicyEvaluator.Evaluate(trust, new CallerPrincipal(caller.AccountId, caller.Arn, caller.RoleArn), $"arn:aws:iam::{caller.AccountId}:role/*", context, action);
        if (!decision.IsAllowed)
        {
            return false;
        }

        if (!decision.RequiresIdentityAllow || caller.RoleName is null)
        {
            return true;
        }

        var iam = _holder.State.Account(caller.AccountId).Iam;
        if (!iam.Roles.ContainsKey(caller.RoleName.ToLowerInvariant()))
        {
            return false;
        }

        var set = RolePolicySet.Load(iam, caller.RoleName);
        return PolicyEvaluator.Evaluate(set.Policies, action, "*", context, set.PermissionsBoundary).IsAllowed;
    }
}
