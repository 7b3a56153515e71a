namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// <c>iam:SimulatePrincipalPolicy</c> over the same evaluator that enforces (iam-evaluation.md §5): the context is only
/// the caller's ContextEntries, every referenced key not supplied is reported missing and evaluated as absent, and the
/// default resource <c>*</c> is a literal that only <c>Resource: "*"</c> (or an ARN-only NotResource) matches.
/// </summary>
public static class PolicySimulator
{
    public static IReadOnlyList<SimulationResult> SimulatePrincipalPolicy(
        IReadOnlyList<NamedPolicy> policies,
        IReadOnlyList<string> actionNames,
        IReadOnlyList<string>? resourceArns,
        IReadOnlyList<ContextEntry>? contextEntries,
        PolicyDocument? permissionsBoundary = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(actionNames);
        var context = new RequestContext();
        foreach (var entry in contextEntries ?? [])
        {
            if (entry.IsList)
            {
                context.SetList(entry.ContextKeyName, entry.ContextKeyValues);
            }
            else
            {
                context.Set(entry.ContextKeyName, entry.ContextKeyValues.FirstOrDefault() ?? string.Empty);
            }
        }

        var resources = resourceArns is { Count: > 0 } ? resourceArns : null;
        var results = new List<SimulationResult>();
        foreach (var action in actionNames)
        {
            if (resources is null)
            {
                var result = PolicyEvaluator.Evaluate(policies, action, "*", context, permissionsBoundary);
                results.Add(new SimulationResult(action, "*", result.EvalDecision, result.MatchedStatements, result.MissingContextValues, []));
                continue;
            }

            var perResource = resources.Select(arn => PolicyEvaluator.Evaluate(policies, action, arn, context, permissionsBoundary)).ToList();
            var decisive = perResource.FirstOrDefault(r => r.Decision == EvaluationDecision.ExplicitDeny)
                ?? perResource.FirstOrDefault(r => r.Decision == EvaluationDecision.ImplicitDeny)
                ?? perResource[0];
            results.Add(new SimulationResult(
                action,
                resources.Count == 1 ? resources[0] : "*",
                decisive.EvalDecision,
                decisive.MatchedStatements,
                perResource.SelectMany(r => r.MissingContextValues).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                perResource));
        }

        return results;
    }
}
