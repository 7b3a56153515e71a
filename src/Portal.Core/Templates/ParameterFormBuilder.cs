using Portal.Core.Common;

namespace Portal.Core.Templates;

/// <summary>
/// Derives the launch form from a template and merges Service Catalog TEMPLATE constraint rules
/// (<c>{"Rules": {…}}</c>): <c>Fn::Contains</c> / <c>Fn::EachMemberIn</c> assertions narrow allowed values,
/// <c>Fn::Equals</c> assertions pin a value. A rule whose RuleCondition can be decided from pinned values is
/// applied or dropped; one that cannot is kept and enforced when values are validated.
/// </summary>
public static class ParameterFormBuilder
{
    public static Result<ParameterForm> Build(CloudFormationTemplate template, string? constraintRulesJson = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var rules = template.Rules.ToList();
        if (!string.IsNullOrWhiteSpace(constraintRulesJson))
        {
            var parsed = ParseConstraintRules(constraintRulesJson);
            if (!parsed.IsSuccess)
            {
                return parsed.Error!;
            }

            rules.AddRange(parsed.Value);
        }

        var fields = template.Parameters.ToDictionary(p => p.Name, p => CreateField(template, p), StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var unknown = rule.Assertions.Select(a => a.Assert).Append(rule.RuleCondition).OfType<TemplateValue>()
                .SelectMany(v => RuleExpressionEvaluator.ReferencedParameters(v))
                .FirstOrDefault(name => !fields.ContainsKey(name) && !PseudoParameters.All.Contains(name));
            if (unknown is not null)
            {
                return Error.Validation("constraint.unknown-parameter", $"Rule '{rule.Name}' refers to the parameter '{unknown}', which the template does not declare.", unknown);
            }
        }

        var pending = new List<TemplateRule>();
        foreach (var rule in rules)
        {
            // Pins from earlier unconditional rules make later RuleConditions decidable.
            var decided = rule.RuleCondition is null ? true : RuleExpressionEvaluator.Evaluate(rule.RuleCondition, name => Pinned(fields, name));
            if (decided == false)
            {
                continue;
            }

            pending.Add(rule);
            if (decided == true)
            {
                var narrowed = Narrow(fields, rule);
                if (!narrowed.IsSuccess)
                {
                    return narrowed.Error!;
                }
            }
        }

        var groups = template.ParameterGroups.Select(g => g.Label).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var ordered = template.ParameterGroups
            .SelectMany(g => g.Parameters)
            .Concat(template.Parameters.Select(p => p.Name))
            .Distinct(StringComparer.Ordinal)
            .Where(fields.ContainsKey)
            .Select(name => fields[name])
            .ToList();
        return new ParameterForm(ordered, groups, pending);
    }

    /// <summary>Reads the rules of a Service Catalog TEMPLATE constraint (its Parameters JSON).</summary>
    public static Result<IReadOnlyList<TemplateRule>> ParseConstraintRules(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var diagnostics = new List<TemplateDiagnostic>();
        var limits = TemplateLimits.Default;
        if (System.Text.Encoding.UTF8.GetByteCount(json) > limits.MaxBytes)
        {
            return Error.Validation("constraint.too-large", "The constraint rules are larger than 1 MB.");
        }

        var root = TemplateTreeReader.Read(json, limits, diagnostics, CancellationToken.None);
        var rulesSection = root is TemplateMapping mapping ? mapping["Rules"] as TemplateMapping ?? mapping : null;
        if (rulesSection is null || diagnostics.Count > 0)
        {
            var first = diagnostics.FirstOrDefault();
            return Error.Validation("constraint.invalid", first is null ? "The constraint rules must be a JSON object with a Rules mapping." : $"The constraint rules are invalid at {first.Line}:{first.Column}: {first.Message}");
        }

        var rules = TemplateModelBuilder.ReadRules(rulesSection, diagnostics);
        if (diagnostics.Count > 0)
        {
            return Error.Validation("constraint.invalid", $"The constraint rules are invalid: {diagnostics[0].Message}");
        }

        return Result<IReadOnlyList<TemplateRule>>.Success(rules);
    }

    private static ParameterFormField CreateField(CloudFormationTemplate template, TemplateParameter parameter)
    {
        var kind = parameter switch
        {
            { NoEcho: true } => ParameterControlKind.Password,
            { IsList: true, AllowedValues.Count: > 0 } => ParameterControlKind.MultiSelect,
            { Type: "List<Number>" } => ParameterControlKind.NumberList,
            { IsList: true } => ParameterControlKind.List,
            { AllowedValues.Count: > 0 } => ParameterControlKind.Select,
            { IsNumber: true } => ParameterControlKind.Number,
            _ => ParameterControlKind.Text,
        };
        return new ParameterFormField(parameter.Name, parameter.Type, kind, template.ParameterLabels.GetValueOrDefault(parameter.Name) ?? parameter.Name)
        {
            Group = template.ParameterGroups.FirstOrDefault(g => g.Parameters.Contains(parameter.Name))?.Label,
            HelpText = parameter.Description,
            Default = parameter.Default,
            AllowedValues = parameter.AllowedValues,
            AllowedPattern = parameter.AllowedPattern,
            MinLength = parameter.MinLength,
            MaxLength = parameter.MaxLength,
            MinValue = parameter.MinValue,
            MaxValue = parameter.MaxValue,
            ConstraintDescription = parameter.ConstraintDescription,
            IsSecret = parameter.NoEcho,
        };
    }

    private static IReadOnlyList<string>? Pinned(Dictionary<string, ParameterFormField> fields, string name) =>
        fields.TryGetValue(name, out var field) && field.PinnedValue is { } pinned ? [pinned]
        : fields.TryGetValue(name, out field) && field.AllowedValues.Count == 1 && !field.IsList ? [field.AllowedValues[0]]
        : null;

    private static Result<Unit> Narrow(Dictionary<string, ParameterFormField> fields, TemplateRule rule)
    {
        foreach (var assertion in rule.Assertions)
        {
            if (assertion.Assert is not TemplateIntrinsic { Arguments: [var first, var second] } call)
            {
                continue;
            }

            var (name, allowed) = call.Function switch
            {
                IntrinsicFunctions.Contains when ParameterName(second) is { } n && Literals(first) is { } a => (n, a),
                IntrinsicFunctions.EachMemberIn when ParameterName(first) is { } n && Literals(second) is { } a => (n, a),
                _ => (null, null),
            };
            if (name is not null && allowed is not null && fields.TryGetValue(name, out var field))
            {
                var narrowed = field.AllowedValues.Count == 0 ? allowed : field.AllowedValues.Where(allowed.Contains).ToList();
                if (narrowed.Count == 0)
                {
                    return Error.Validation("constraint.no-values", $"Rule '{rule.Name}' leaves no allowed value for parameter '{name}'.", name);
                }

                var kind = field.Kind switch
                {
                    ParameterControlKind.Text or ParameterControlKind.Number => ParameterControlKind.Select,
                    ParameterControlKind.List or ParameterControlKind.NumberList => ParameterControlKind.MultiSelect,
                    var same => same,
                };
                var keepDefault = field.Default is null || (field.IsList ? field.Default.Split(',', StringSplitOptions.TrimEntries).All(narrowed.Contains) : narrowed.Contains(field.Default));
                fields[name] = field with { AllowedValues = narrowed, Kind = kind, Default = keepDefault ? field.Default : narrowed[0] };
                continue;
            }

            switch (call.Function)
            {
                case IntrinsicFunctions.EqualsFn:
                    var (parameter, value) = ParameterName(first) is { } left && Literals(second) is [var right] ? (left, right)
                        : ParameterName(second) is { } left2 && Literals(first) is [var right2] ? (left2, right2)
                        : (null, null);
                    if (parameter is null || value is null || !fields.TryGetValue(parameter, out var pinnedField))
                    {
                        continue;
                    }

                    if (pinnedField.AllowedValues.Count > 0 && !pinnedField.AllowedValues.Contains(value))
                    {
                        return Error.Validation("constraint.pin-not-allowed", $"Rule '{rule.Name}' pins parameter '{parameter}' to '{value}', which its AllowedValues do not include.", parameter);
                    }

                    fields[parameter] = pinnedField with { PinnedValue = value, Default = value };
                    break;
            }
        }

        return Unit.Value;
    }

    private static string? ParameterName(TemplateValue value) => value is TemplateIntrinsic { Function: IntrinsicFunctions.Ref, TargetName: { } name } ? name : null;

    private static List<string>? Literals(TemplateValue value) => value switch
    {
        TemplateScalar scalar => [scalar.Value],
        TemplateSequence sequence when sequence.Items.All(i => i is TemplateScalar) => sequence.Items.Cast<TemplateScalar>().Select(s => s.Value).ToList(),
        _ => null,
    };
}
