namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Evaluates template <c>Rules</c> (and Service Catalog TEMPLATE constraint rules) against resolved parameters.
/// A failing assertion refuses with its <c>AssertDescription</c> as a ValidationError.
/// </summary>
public static class RuleEvaluator
{
    /// <summary>The descriptions of every failed assertion, in rule order (empty when all pass).</summary>
    public static IReadOnlyList<string> Failures(
        IReadOnlyList<RuleDeclaration> rules,
        Template template,
        IReadOnlyDictionary<string, ResolvedParameter> parameters,
        StackEnvironment environment,
        IReadOnlyDictionary<(string Type, string Value, string Attribute), string>? valueOf = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var evaluator = new TemplateEvaluator(new EvaluationScope(template, parameters, environment, string.Empty, string.Empty)
        {
            ParameterAttributes = (type, value, attribute) => valueOf is not null && valueOf.TryGetValue((type, value, attribute), out var found) ? found : null,
        });
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
        IReadOnlyList<RuleDeclaration> rules,
        Template template,
        IReadOnlyDictionary<string, ResolvedParameter> parameters,
        StackEnvironment environment,
        IReadOnlyDictionary<(string Type, string Value, string Attribute), string>? valueOf = null)
    {
        var failures = Failures(rules, template, parameters, environment, valueOf);
        if (failures.Count > 0)
        {
            throw CloudFormationException.Validation(failures[0]);
        }
    }

    /// <summary>
    /// Fetches, through <paramref name="validator"/>, every attribute the rules read with <c>Fn::ValueOf</c> and
    /// <c>Fn::ValueOfAll</c> (literal arguments), for <see cref="Check"/>. Empty without a validator.
    /// </summary>
    public static async Task<IReadOnlyDictionary<(string Type, string Value, string Attribute), string>> FetchValueOfAsync(
        IReadOnlyList<RuleDeclaration> rules,
        IReadOnlyDictionary<string, ResolvedParameter> parameters,
        IAwsParameterValidator? validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(parameters);
        var result = new Dictionary<(string, string, string), string>();
        if (validator is null)
        {
            return result;
        }

        var wanted = new HashSet<(string Type, string Value, string Attribute)>();
        foreach (var node in rules.SelectMany(r => r.Assertions.Select(a => a.Assert).Append(r.RuleCondition)))
        {
            foreach (var (function, first, attribute) in ValueOfCalls(node))
            {
                var selected = function == "Fn::ValueOf"
                    ? parameters.Values.Where(p => p.Name == first)
                    : parameters.Values.Where(p => p.Declaration.EffectiveType == first || p.Declaration.EffectiveType == $"List<{first}>");
                foreach (var parameter in selected)
                {
                    var type = parameter.Declaration.EffectiveType;
                    var itemType = type.StartsWith("List<", StringComparison.Ordinal) ? type[5..^1] : type;
                    wanted.UnionWith(TemplateValues.AsStringList(parameter.Value).Select(v => (itemType, v, attribute)));
                }
            }
        }

        foreach (var key in wanted)
        {
            if (await validator.GetAttributeAsync(key.Type, key.Value, key.Attribute, cancellationToken).ConfigureAwait(false) is { } value)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static IEnumerable<(string Function, string First, string Attribute)> ValueOfCalls(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject obj when obj.Count == 1 && obj.First().Key is "Fn::ValueOf" or "Fn::ValueOfAll"
                && obj.First().Value is System.Text.Json.Nodes.JsonArray { Count: 2 } args
                && TemplateValues.AsString(args[0]) is { } first && TemplateValues.AsString(args[1]) is { } attribute:
                yield return (obj.First().Key, first, attribute);
                break;
            case System.Text.Json.Nodes.JsonObject obj:
                foreach (var call in obj.SelectMany(p => ValueOfCalls(p.Value)))
                {
                    yield return call;
                }

                break;
            case System.Text.Json.Nodes.JsonArray array:
                foreach (var call in array.SelectMany(ValueOfCalls))
                {
                    yield return call;
                }

                break;
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
