using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Resource dependencies from <c>DependsOn</c> plus the implicit ones of <c>Ref</c>, <c>Fn::GetAtt</c> and
/// <c>Fn::Sub</c>; <see cref="CreationOrder"/> is a topological order (template order among equals) and
/// deletion runs it backwards.
/// </summary>
public sealed class DependencyGraph
{
    private readonly Dictionary<string, IReadOnlySet<string>> _dependencies;

    private DependencyGraph(Dictionary<string, IReadOnlySet<string>> dependencies, IReadOnlyList<string> order)
    {
        _dependencies = dependencies;
        CreationOrder = order;
    }

    /// <summary>Logical ids in an order where every resource follows the resources it depends on.</summary>
    public IReadOnlyList<string> CreationOrder { get; }

    public IEnumerable<string> DeletionOrder => CreationOrder.Reverse();

    /// <summary>The resources <paramref name="logicalId"/> depends on directly.</summary>
    public IReadOnlySet<string> DependenciesOf(string logicalId) =>
        _dependencies.TryGetValue(logicalId, out var set) ? set : new HashSet<string>();

    /// <summary>
    /// Builds the graph of the resources in <paramref name="included"/> (those whose Condition holds; all when null).
    /// Throws ValidationError for references to undeclared names and for cycles, naming the resources.
    /// </summary>
    public static DependencyGraph Build(Template template, Func<string, bool>? included = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var resources = template.Resources.Where(r => included?.Invoke(r.LogicalId) ?? true).ToList();
        var names = resources.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        var declared = template.Resources.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        var parameters = template.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unresolved = new List<string>();
        var dependencies = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

        foreach (var resource in resources)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dependsOn in resource.DependsOn)
            {
                if (!declared.Contains(dependsOn))
                {
                    unresolved.Add(dependsOn);
                }
                else if (names.Contains(dependsOn))
                {
                    set.Add(dependsOn);
                }
            }

            foreach (var reference in References(resource.Properties))
            {
                if (declared.Contains(reference))
                {
                    if (names.Contains(reference))
                    {
                        set.Add(reference);
                    }
                }
                else if (!parameters.Contains(reference) && !reference.StartsWith("AWS::", StringComparison.Ordinal))
                {
                    unresolved.Add(reference);
                }
            }

            dependencies[resource.LogicalId] = set;
        }

        if (unresolved.Count > 0)
        {
            throw CloudFormationException.Validation(
                $"Template format error: Unresolved resource dependencies [{string.Join(", ", unresolved.Distinct())}] in the Resources block of the template");
        }

        return new DependencyGraph(dependencies, Sort(resources.Select(r => r.LogicalId).ToList(), dependencies));
    }

    /// <summary>Names referenced by Ref, Fn::GetAtt and Fn::Sub (not its local variables) anywhere below <paramref name="node"/>.</summary>
    public static IEnumerable<string> References(JsonNode? node)
    {
        var found = new List<string>();
        Collect(node, found);
        return found.Distinct(StringComparer.Ordinal);
    }

    /// <summary>Every literal <c>Fn::GetAtt</c> (both forms) and <c>${A.B}</c> in <c>Fn::Sub</c> below <paramref name="node"/>.</summary>
    public static IEnumerable<(string LogicalId, string Attribute)> AttributeReferences(JsonNode? node)
    {
        var found = new List<(string, string)>();
        CollectAttributes(node, found);
        return found;
    }

    private static void CollectAttributes(JsonNode? node, List<(string, string)> found)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && obj.First().Key == "Fn::GetAtt":
                var argument = obj.First().Value;
                if (argument is JsonArray { Count: 2 } pair && TemplateValues.AsString(pair[0]) is { } id)
                {
                    if (TemplateValues.AsString(pair[1]) is { } attribute)
                    {
                        found.Add((id, attribute));
                    }
                }
                else if (TemplateValues.AsString(argument) is { } dotted && dotted.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
                {
                    found.Add((dotted[..dot], dotted[(dot + 1)..]));
                }

                break;
            case JsonObject obj when obj.Count == 1 && obj.First().Key == "Fn::Sub":
                var sub = obj.First().Value;
                var text = sub is JsonArray subArgs ? TemplateValues.AsString(subArgs.FirstOrDefault()) : TemplateValues.AsString(sub);
                var locals = (sub as JsonArray)?.ElementAtOrDefault(1) as JsonObject;
                foreach (var (isVariable, variable) in TemplateEvaluator.SubParts(text ?? string.Empty))
                {
                    var dotAt = variable.IndexOf('.', StringComparison.Ordinal);
                    if (isVariable && dotAt > 0 && (locals is null || !locals.ContainsKey(variable)))
                    {
                        found.Add((variable[..dotAt], variable[(dotAt + 1)..]));
                    }
                }

                CollectAttributes(locals, found);
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    CollectAttributes(child, found);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    CollectAttributes(child, found);
                }

                break;
        }
    }

    private static void Collect(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && obj.First().Key == "Ref" && TemplateValues.AsString(obj.First().Value) is { } name:
                found.Add(name);
                break;
            case JsonObject obj when obj.Count == 1 && obj.First().Key == "Fn::GetAtt":
                var target = obj.First().Value switch
                {
                    JsonArray pair when pair.Count > 0 => TemplateValues.AsString(pair[0]),
                    var dotted => TemplateValues.AsString(dotted)?.Split('.')[0],
                };
                if (target is not null)
                {
                    found.Add(target);
                }

                if (obj.First().Value is JsonArray { Count: 2 } attribute)
                {
                    Collect(attribute[1], found);
                }

                break;
            case JsonObject obj when obj.Count == 1 && obj.First().Key == "Fn::Sub":
                var argument = obj.First().Value;
                var text = argument is JsonArray subArgs ? TemplateValues.AsString(subArgs.FirstOrDefault()) : TemplateValues.AsString(argument);
                var locals = (argument as JsonArray)?.ElementAtOrDefault(1) as JsonObject;
                if (locals is not null)
                {
                    Collect(locals, found);
                }

                foreach (var (isVariable, variable) in TemplateEvaluator.SubParts(text ?? string.Empty))
                {
                    if (isVariable && (locals is null || !locals.ContainsKey(variable)))
                    {
                        found.Add(variable.Split('.')[0]);
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, found);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, found);
                }

                break;
        }
    }

    private static List<string> Sort(List<string> order, Dictionary<string, IReadOnlySet<string>> dependencies)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(order.Count);
        while (result.Count < order.Count)
        {
            var next = order.FirstOrDefault(n => !done.Contains(n) && dependencies[n].All(done.Contains));
            if (next is null)
            {
                throw CloudFormationException.Validation(
                    $"Circular dependency between resources: [{string.Join(", ", CycleMembers(order.Where(n => !done.Contains(n)).ToList(), dependencies))}]");
            }

            done.Add(next);
            result.Add(next);
        }

        return result;
    }

    /// <summary>The unsorted resources minus those merely waiting on a cycle (nothing remaining depends on them).</summary>
    private static List<string> CycleMembers(List<string> remaining, Dictionary<string, IReadOnlySet<string>> dependencies)
    {
        var set = remaining.ToHashSet(StringComparer.Ordinal);
        bool removed;
        do
        {
            removed = false;
            foreach (var name in set.ToList())
            {
                if (!set.Any(other => dependencies[other].Contains(name)))
                {
                    set.Remove(name);
                    removed = true;
                }
            }
        }
        while (removed);

        return remaining.Where(set.Contains).ToList();
    }
}
