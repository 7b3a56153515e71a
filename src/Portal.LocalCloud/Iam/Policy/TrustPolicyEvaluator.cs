namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// Evaluates a role's trust policy for <c>sts:AssumeRole</c> (iam-evaluation.md §6.1): the trust policy must explicitly
/// allow the caller; an explicit Deny wins; trusting an account (<c>123456789012</c> or <c>…:root</c>) also requires the
/// caller's identity Allow; root may never assume a role.
/// </summary>
public static class TrustPolicyEvaluator
{
    public static TrustDecision Evaluate(PolicyDocument trustPolicy, CallerPrincipal caller, string roleArn, RequestContext context, string action = "sts:AssumeRole")
    {
        ArgumentNullException.ThrowIfNull(trustPolicy);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(context);
        var denied = $"User: {caller.Arn ?? caller.ServiceName} is not authorized to perform: {action} on resource: {roleArn}";
        if (caller.IsRoot)
        {
            return new TrustDecision(EvaluationDecision.ExplicitDeny, false, "Roles may not be assumed by root accounts.");
        }

        var matches = trustPolicy.Statements
            .Select(s => (Statement: s, Match: PrincipalMatch(s, caller)))
            .Where(m => m.Match != Match.None
                && (m.Statement.Actions is { } actions
                    ? actions.Any(a => PolicyPattern.Matches(a, action, wildcards: true, ignoreCase: true, variables: null))
                    : !m.Statement.NotActions!.Any(a => PolicyPattern.Matches(a, action, wildcards: true, ignoreCase: true, variables: null)))
                && m.Statement.Conditions.All(c => ConditionOperators.Evaluate(c, context, trustPolicy.SupportsVariables)))
            .ToList();

        if (matches.Any(m => m.Statement.Effect == PolicyEffect.Deny))
        {
            return new TrustDecision(EvaluationDecision.ExplicitDeny, false, denied);
        }

        var allows = matches.Where(m => m.Statement.Effect == PolicyEffect.Allow).ToList();
        if (allows.Count == 0)
        {
            return new TrustDecision(EvaluationDecision.ImplicitDeny, false, denied);
        }

        var roleAccount = roleArn.Split(':').ElementAtOrDefault(4);
        var needsIdentity = allows.All(m => m.Match == Match.Account) && caller.AccountId == roleAccount;
        return new TrustDecision(EvaluationDecision.Allowed, needsIdentity, null);
    }

    private enum Match
    {
        None,
        Account,
        Exact,
    }

    private static Match PrincipalMatch(PolicyStatement statement, CallerPrincipal caller)
    {
        if (statement.Principal is { } principal)
        {
            return Matches(principal, caller);
        }

        return statement.NotPrincipal is { } notPrincipal && Matches(notPrincipal, caller) == Match.None ? Match.Exact : Match.None;
    }

    private static Match Matches(PolicyPrincipal principal, CallerPrincipal caller)
    {
        if (principal.IsWildcard)
        {
            return Match.Account;
        }

        if (caller.ServiceName is { } service)
        {
            return principal.Of("Service").Contains(service, StringComparer.Ordinal) ? Match.Exact : Match.None;
        }

        var best = Match.None;
        foreach (var value in principal.Of("AWS"))
        {
            if (value == "*" || value == caller.AccountId || value == $"arn:aws:iam::{caller.AccountId}:root")
            {
                best = best == Match.Exact ? best : Match.Account;
            }
            else if (value == caller.Arn || (caller.RoleArn is not null && value == caller.RoleArn))
            {
                best = Match.Exact;
            }
        }

        return best;
    }
}
