using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>Update previews (what CreateChangeSet reports) without touching the stack.</summary>
public sealed partial class StackOrchestrator
{
    /// <summary>
    /// Runs every UpdateStack check and says per resource what the update would do. Values only known after
    /// provisioning (ids of new or replaced resources) are compared as unknown, so a resource that reads them is
    /// planned as changed, and replacements cascade to the properties that reference them.
    /// </summary>
    public async Task<IReadOnlyList<ResourceChange>> PreviewUpdateAsync(UpdateStackRequest request, CancellationToken cancellationToken)
    {
        var (stack, template, parameters, graph) = await PrepareUpdateAsync(request, cancellationToken).ConfigureAwait(false);
        var current = stack.GetResources().Where(r => r.PhysicalId is not null).ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
        var before = current.Values.Select(r => new PlannedResource(r.LogicalId, r.Type, r.Properties)).ToList();
        var unknown = new HashSet<string>(graph.CreationOrder.Where(id => !current.ContainsKey(id)), StringComparer.Ordinal);

        while (true)
        {
            var evaluator = new TemplateEvaluator(new EvaluationScope(template, parameters, Environment, stack.StackName, stack.StackId)
            {
                Resources = id => unknown.Contains(id) || !current.TryGetValue(id, out var known)
                    ? new ResourceState(template.FindResource(id)?.Type ?? string.Empty, $"{{unknown:{id}}}", new UnknownAttributes(id))
                    : known.ToState(),
                Exports = Exports.ValueOf,
                NotificationArns = stack.NotificationArns,
            });
            var after = graph.CreationOrder
                .Select(id => template.FindResource(id)!)
                .Select(d => new PlannedResource(d.LogicalId, d.Type, EvaluateForPreview(evaluator, d, unknown)))
                .ToList();
            var plan = UpdatePlanner.Plan(before, after);
            var replaced = plan.Where(c => c.Action == ChangeAction.Replace).Select(c => c.LogicalId).ToList();
            if (replaced.All(unknown.Contains))
            {
                return plan;
            }

            unknown.UnionWith(replaced);
        }
    }

    /// <summary>
    /// Evaluates property by property; a property that cannot be computed from unknown values (e.g. <c>Fn::Cidr</c> of
    /// a replaced VPC's block) becomes an unknown marker, so it counts as changed.
    /// </summary>
    private static JsonObject EvaluateForPreview(TemplateEvaluator evaluator, ResourceDeclaration declaration, IReadOnlySet<string> unknown)
    {
        var result = new JsonObject();
        foreach (var (key, value) in declaration.Properties)
        {
            try
            {
                if (evaluator.Evaluate(value) is var evaluated && evaluated is not null)
                {
                    result[key] = evaluated;
                }
            }
            catch (CloudFormationException) when (DependencyGraph.References(value).Any(unknown.Contains))
            {
                result[key] = JsonValue.Create($"{{unknown:{declaration.LogicalId}.{key}}}");
            }
        }

        return result;
    }

    /// <summary>Every attribute of a resource whose values are not known before the update runs.</summary>
    private sealed class UnknownAttributes(string logicalId) : IReadOnlyDictionary<string, JsonNode?>
    {
        public int Count => 0;

        public IEnumerable<string> Keys => [];

        public IEnumerable<JsonNode?> Values => [];

        public JsonNode? this[string key] => JsonValue.Create($"{{unknown:{logicalId}.{key}}}");

        public bool ContainsKey(string key) => true;

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonNode? value)
        {
            value = this[key];
            return true;
        }

        public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, JsonNode?>>().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
