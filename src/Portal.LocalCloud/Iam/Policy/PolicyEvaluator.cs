namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// IAM's decision for one action on one resource (iam-evaluation.md §1.2): any applicable Deny in any policy wins
/// (explicitDeny); otherwise an applicable Allow is needed in the identity policies, and in the permissions
/// boundary and session policies when those exist; otherwise implicitDeny. Statement order is irrelevant.
/// </summary>
public static class PolicyEvaluator
{
    public static PolicyEvaluationResult Evaluate(
        IReadOnlyList<NamedPolicy> identityPolicies,
        string action,
        string resource,
        RequestContext context,
        PolicyDocument? permissionsBoundary = null,
        IReadOnlyList<PolicyDocument>? sessionPolicies = null)
    {
        ArgumentNullException.ThrowIfNull(identityPolicies);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);

        var missing = MissingContextValues(identityPolicies.Select(p => p.Document)
            .Concat(permissionsBoundary is null ? [] : [permissionsBoundary])
            .Concat(sessionPolicies ?? []), context);

        var identity = identityPolicies.SelectMany(p => Applicable(p.Document, action, resource, context)
            .Select(s => (Policy: p, Statement: s))).ToList();
        var identityDenies = identity.Where(m => m.Statement.Effect == PolicyEffect.Deny).ToList();
        if (identityDenies.Count > 0)
        {
            return Result(EvaluationDecision.ExplicitDeny, DenyingPolicyKind.Identity, identityDenies);
        }

        var boundary = permissionsBoundary is null ? [] : Applicable(permissionsBoundary, action, resource, context).ToList();
        if (boundary.Any(s => s.Effect == PolicyEffect.Deny))
        {
            return Result(EvaluationDecision.ExplicitDeny, DenyingPolicyKind.PermissionsBoundary, []);
        }

        var session = (sessionPolicies ?? []).SelectMany(p => Applicable(p, action, resource, context)).ToList();
        if (session.Any(s => s.Effect == PolicyEffect.Deny))
        {
            return Result(EvaluationDecision.ExplicitDeny, DenyingPolicyKind.Session, []);
        }

        var allows = identity.Where(m => m.Statement.Effect == PolicyEffect.Allow).ToList();
        if (allows.Count == 0)
        {
            return Result(EvaluationDecision.ImplicitDeny, DenyingPolicyKind.Identity, []);
        }

        if (permissionsBoundary is not null && !boundary.Any(s => s.Effect == PolicyEffect.Allow))
        {
            return Result(EvaluationDecision.ImplicitDeny, DenyingPolicyKind.PermissionsBoundary, []);
        }

        if (sessionPolicies is { Count: > 0 } && !session.Any(s => s.Effect == PolicyEffect.Allow))
        {
            return Result(EvaluationDecision.ImplicitDeny, DenyingPolicyKind.Session, []);
        }

        return Result(EvaluationDecision.Allowed, DenyingPolicyKind.None, allows);

        PolicyEvaluationResult Result(EvaluationDecision decision, DenyingPolicyKind by, List<(NamedPolicy Policy, PolicyStatement Statement)> matched) =>
            new(action, resource, decision, by,
                matched.Select(m => new MatchedStatement(m.Policy.Name, m.Policy.SourceTypeName, m.Statement.Sid, m.Statement.Index)
                {
                    StartPosition = m.Statement.StartPosition,
                    EndPosition = m.Statement.EndPosition,
                }).ToList(),
                missing);
    }

    /// <summary>The statements of <paramref name="document"/> whose action, resource and conditions all match.</summary>
    public static IEnumerable<PolicyStatement> Applicable(PolicyDocument document, string action, string resource, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Statements.Where(s =>
            ActionMatches(s, action)
            && ResourceMatches(s, resource, document.SupportsVariables ? context : null)
            && s.Conditions.All(c => ConditionOperators.Evaluate(c, context, document.SupportsVariables)));
    }

    /// <summary>Every context key referenced by a condition or policy variable and absent from the context, sorted.</summary>
    public static IReadOnlyList<string> MissingContextValues(IEnumerable<PolicyDocument> documents, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var keys = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents)
        {
            foreach (var statement in document.Statements)
            {
                foreach (var condition in statement.Conditions)
                {
                    keys.Add(condition.Key);
                    if (document.SupportsVariables)
                    {
                        keys.UnionWith(condition.Values.SelectMany(PolicyPattern.VariableKeys));
                    }
                }

                if (document.SupportsVariables)
                {
                    keys.UnionWith((statement.Resources ?? statement.NotResources ?? []).SelectMany(PolicyPattern.VariableKeys));
                }
            }
        }

        return keys.Where(k => !context.Contains(k)).ToList();
    }

    private static bool ActionMatches(PolicyStatement statement, string action)
    {
        var matches = (IReadOnlyList<string> patterns) => patterns.Any(p => p == "*" || PolicyPattern.Matches(p, action, wildcards: true, ignoreCase: true, variables: null));
        return statement.Actions is { } actions ? matches(actions) : !matches(statement.NotActions!);
    }

    private static bool ResourceMatches(PolicyStatement statement, string resource, RequestContext? variables)
    {
        if (statement.Resources is null && statement.NotResources is null)
        {
            return true;
        }

        var matches = (IReadOnlyList<string> patterns) => patterns.Any(p => ArnPattern.MatchesResource(p, resource, variables));
        return statement.Resources is { } resources ? matches(resources) : !matches(statement.NotResources!);
    }
}
