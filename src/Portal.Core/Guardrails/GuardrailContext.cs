using Portal.Core.Templates;

namespace Portal.Core.Guardrails;

/// <summary>
/// What a rule can look at besides its resource: the template (parameters, conditions, mappings) when there
/// is one, every resource under evaluation, and intrinsic-aware value resolution.
/// </summary>
public sealed class GuardrailContext
{
    private const int MaxResolveDepth = 16;
    private const int MaxAlternatives = 256;

    public GuardrailContext(CloudFormationTemplate? template, IReadOnlyList<GuardrailResource> resources)
    {
        Template = template;
        Resources = resources;
    }

    public CloudFormationTemplate? Template { get; }

    public IReadOnlyList<GuardrailResource> Resources { get; }

    /// <summary>Every possible value at a dotted path; <c>[]</c> after a segment steps into each list item.</summary>
    /// <example><c>Resolve(resource, "BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault.SSEAlgorithm")</c></example>
    public IReadOnlyList<ResolvedValue> Resolve(GuardrailResource resource, string path)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(path);
        var start = new ResolvedValue(ResolvedValueKind.Literal, resource.Properties, string.Empty, resource.Position);
        return ResolvePath([start], path);
    }

    /// <summary>Resolves a path below an already resolved value.</summary>
    public IReadOnlyList<ResolvedValue> ResolvePath(IReadOnlyList<ResolvedValue> starts, string path)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(path);
        IReadOnlyList<ResolvedValue> current = starts;
        foreach (var rawSegment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var eachItem = rawSegment.EndsWith("[]", StringComparison.Ordinal);
            var key = eachItem ? rawSegment[..^2] : rawSegment;
            var next = new List<ResolvedValue>();
            foreach (var value in current)
            {
                var stepped = key.Length == 0 ? [value] : Step(value, key);
                next.AddRange(eachItem ? stepped.SelectMany(Items) : stepped);
                if (next.Count > MaxAlternatives)
                {
                    break;
                }
            }

            current = next;
        }

        return current;
    }

    /// <summary>Every possible value of one node: <c>!If</c> yields both branches, a parameter its allowed values.</summary>
    public IReadOnlyList<ResolvedValue> ResolveValue(TemplateValue? value, string path, SourcePosition fallback)
    {
        var results = new List<ResolvedValue>();
        Resolve(value, path, fallback, null, results, 0);
        return results;
    }

    /// <summary>
    /// The items of a literal list as resolved values. An empty list yields one absent value, so that rules that
    /// require something inside the list (an encryption rule, a statement) see that nothing is there.
    /// </summary>
    public IEnumerable<ResolvedValue> Items(ResolvedValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is { Kind: ResolvedValueKind.Literal, Value: TemplateSequence { Items.Count: 0 } })
        {
            yield return value with { Kind = ResolvedValueKind.Absent, Value = null };
        }
        else if (value is { Kind: ResolvedValueKind.Literal, Value: TemplateSequence sequence })
        {
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                foreach (var item in ResolveValue(sequence.Items[i], $"{value.Path}[{i}]", sequence.Items[i].Position))
                {
                    yield return item with { Origin = item.Origin ?? value.Origin, Parameter = item.Parameter ?? value.Parameter };
                }
            }
        }
        else
        {
            yield return value;
        }
    }

    /// <summary>True when the value is a Ref or GetAtt of the given resource (so a policy applies to it).</summary>
    public static bool RefersTo(TemplateValue? value, string logicalId) => value switch
    {
        TemplateIntrinsic { Function: IntrinsicFunctions.Ref } call => call.TargetName == logicalId,
        TemplateIntrinsic { Function: IntrinsicFunctions.GetAtt, Argument: TemplateSequence { Items: [TemplateScalar target, ..] } } => target.Value == logicalId,
        TemplateIntrinsic { Function: IntrinsicFunctions.Sub, Argument: TemplateScalar text } => SubstitutionParser.Variables(text.Value).Any(v => v == logicalId || v.StartsWith(logicalId + ".", StringComparison.Ordinal)),
        TemplateIntrinsic call => call.Arguments.Any(a => RefersTo(a, logicalId)),
        TemplateScalar scalar => scalar.Value == logicalId,
        _ => false,
    };

    private List<ResolvedValue> Step(ResolvedValue value, string key)
    {
        if (value.Kind != ResolvedValueKind.Literal || value.Value is not TemplateMapping mapping)
        {
            return [value with { Path = Join(value.Path, key) }];
        }

        var property = mapping.GetProperty(key);
        var path = Join(value.Path, key);
        if (property is null)
        {
            return [new ResolvedValue(ResolvedValueKind.Absent, null, path, value.Position, value.Origin, value.Parameter)];
        }

        // A nested mapping is reported at its key, so a missing child points at the line that names its parent.
        return ResolveValue(property.Value, path, property.KeyPosition)
            .Select(r => r with
            {
                Origin = r.Origin ?? value.Origin,
                Parameter = r.Parameter ?? value.Parameter,
                Position = r.Value is TemplateMapping && r.Origin is null ? property.KeyPosition : r.Position,
            })
            .ToList();
    }

    private void Resolve(TemplateValue? value, string path, SourcePosition fallback, string? origin, List<ResolvedValue> results, int depth)
    {
        if (results.Count > MaxAlternatives)
        {
            return;
        }

        var position = value is not null && value.Position.IsKnown ? value.Position : fallback;
        switch (value)
        {
            case null:
            case TemplateScalar { IsNull: true }:
                results.Add(new ResolvedValue(ResolvedValueKind.Absent, null, path, fallback, origin));
                return;
            case TemplateScalar or TemplateSequence or TemplateMapping:
                results.Add(new ResolvedValue(ResolvedValueKind.Literal, value, path, position, origin));
                return;
        }

        var call = (TemplateIntrinsic)value;
        if (depth > MaxResolveDepth)
        {
            results.Add(new ResolvedValue(ResolvedValueKind.Computed, null, path, position, origin));
            return;
        }

        switch (call.Function)
        {
            case IntrinsicFunctions.Ref when call.TargetName == PseudoParameters.NoValue:
                results.Add(new ResolvedValue(ResolvedValueKind.Absent, null, path, position, Combine(origin, "AWS::NoValue")));
                return;
            case IntrinsicFunctions.Ref when call.TargetName is { } name && Template?.FindParameter(name) is { } parameter:
                ResolveParameter(parameter, path, position, origin, results);
                return;
            case IntrinsicFunctions.Ref:
                results.Add(new ResolvedValue(ResolvedValueKind.Computed, null, path, position, origin, ReferencedResource: call.TargetName));
                return;
            case IntrinsicFunctions.GetAtt:
                var target = call.Arguments.FirstOrDefault() is TemplateScalar t ? t.Value : null;
                results.Add(new ResolvedValue(ResolvedValueKind.Computed, null, path, position, origin, ReferencedResource: target));
                return;
            case IntrinsicFunctions.If when call.Arguments is [TemplateScalar condition, var whenTrue, var whenFalse]:
                Resolve(whenTrue, path, position, Combine(origin, $"when condition '{condition.Value}' is true"), results, depth + 1);
                Resolve(whenFalse, path, position, Combine(origin, $"when condition '{condition.Value}' is false"), results, depth + 1);
                return;
            case IntrinsicFunctions.FindInMap when call.Arguments is [TemplateScalar mapName, var topKey, var secondKey, ..]
                && Template?.Mappings[mapName.Value] is TemplateMapping map:
                ResolveFindInMap(map, mapName.Value, topKey, secondKey, path, position, origin, results, depth);
                return;
            default:
                results.Add(new ResolvedValue(ResolvedValueKind.Computed, null, path, position, Combine(origin, $"computed by {IntrinsicFunctions.ShortName(call.Function)}")));
                return;
        }
    }

    private static void ResolveParameter(TemplateParameter parameter, string path, SourcePosition position, string? origin, List<ResolvedValue> results)
    {
        if (parameter.AllowedValues.Count > 0)
        {
            foreach (var allowed in parameter.AllowedValues)
            {
                results.Add(new ResolvedValue(ResolvedValueKind.Literal, new TemplateScalar(allowed, true, position), path, position, Combine(origin, $"parameter '{parameter.Name}' allows '{allowed}'"), parameter.Name));
            }

            return;
        }

        if (parameter.Default is not null)
        {
            var defaultValue = parameter.Default.Length == 0
                ? new ResolvedValue(ResolvedValueKind.Absent, null, path, position, Combine(origin, $"parameter '{parameter.Name}' defaults to empty"), parameter.Name)
                : new ResolvedValue(ResolvedValueKind.Literal, new TemplateScalar(parameter.Default, true, position), path, position, Combine(origin, $"default of parameter '{parameter.Name}'"), parameter.Name);
            results.Add(defaultValue);
        }

        results.Add(new ResolvedValue(ResolvedValueKind.Computed, null, path, position, Combine(origin, $"parameter '{parameter.Name}' accepts any value"), parameter.Name));
    }

    private void ResolveFindInMap(TemplateMapping map, string mapName, TemplateValue topKey, TemplateValue secondKey, string path, SourcePosition position, string? origin, List<ResolvedValue> results, int depth)
    {
        var tops = topKey is TemplateScalar top ? map.Properties.Where(p => p.Key == top.Value) : map.Properties;
        foreach (var level in tops)
        {
            if (level.Value is not TemplateMapping inner)
            {
                continue;
            }

            var seconds = secondKey is TemplateScalar second ? inner.Properties.Where(p => p.Key == second.Value) : inner.Properties;
            foreach (var entry in seconds)
            {
                Resolve(entry.Value, path, position, Combine(origin, $"mapping '{mapName}.{level.Key}.{entry.Key}'"), results, depth + 1);
            }
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Combine(string? outer, string inner) => outer is null ? inner : $"{outer}; {inner}";
}
