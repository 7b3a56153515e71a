namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Evaluates template <c>Rules</c> (and Service Catalog TEMPLATE constraint rules) against resolved parameters.
/// A failing assertion refuses with its <c>AssertDescription</c> as a ValidationError.
/// </summary>
public static class RuleEvaluator
{
    /// <summary>The descriptions of every failed assertion, in rule order (empty when all pass).</summary>
    public static IReadOnlyList<string> Failures(
        IReadOnlyList<RuleDeclaration> rules, Template template, IReadOnlyDictionary<string, ResolvedParameter> parameters, StackEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var evaluator = new TemplateEvaluator(new EvaluationScope(template, parameters, environment, string.Empty, string.Empty));
        var failures = new List<string>();
        foreach (var rule in rules)
        {
            if (rule.RuleCondition is not null && !evaluator.EvalBool(rule.RuleCondition, "RuleCondition"))
            {
                continue;
            }

            foreach (var assertion in rule.Assertions)
            {
                if (!evaluator.EvalBool(assertion.Assert, "Assert"))
                {
                    failures.Add(assertion.AssertDescription ?? $"Template error: assertion of rule {rule.Name} failed");
                }
            }
        }

        return failures;
    }

    /// <summary>Throws ValidationError with the first failed assertion's description.</summary>
    public static void Check(
        IReadOnlyList<RuleDeclaration> rules, Template template, IReadOnlyDictionary<string, ResolvedParameter> parameters, StackEnvironment environment)
    {
        var failures = Failures(rules, template, parameters, environment);
        if (failures.Count > 0)
        {
            throw CloudFormationException.Validation(failures[0]);
        }
    }

    /// <summary>Parses the <c>Rules</c> JSON of a Service Catalog LaunchTemplateConstraint (<c>{"Rules": {...}}</c> or the bare map).</summary>
    public static IReadOnlyList<RuleDeclaration> ParseConstraintRules(string rulesJson)
    {
        var tree = TemplateParser.ReadTree(rulesJson) as System.Text.Json.Nodes.JsonObject
            ?? throw CloudFormationException.Validation("Template format error: Rules must be an object");
        var rules = tree["Rules"] as System.Text.Json.Nodes.JsonObject ?? tree;
        return TemplateParser.ReadRules(rules);
    }
}
