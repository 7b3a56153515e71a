using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Compares old and new resolved resources and says, per resource, add / remove / update in place / replace,
/// using the replacement properties of <see cref="ResourceTypeCatalog"/> (adding or removing such a property replaces).
/// </summary>
public static class UpdatePlanner
{
    public static IReadOnlyList<ResourceChange> Plan(IReadOnlyList<PlannedResource> before, IReadOnlyList<PlannedResource> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
        var changes = new List<ResourceChange>();
        foreach (var resource in after)
        {
            changes.Add(old.TryGetValue(resource.LogicalId, out var previous)
                ? Classify(previous.LogicalId, previous.Type, previous.Properties, resource.Type, resource.Properties)
                : new ResourceChange(resource.LogicalId, resource.Type, ChangeAction.Add, []));
        }

        var kept = after.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(before.Where(r => !kept.Contains(r.LogicalId))
            .Select(r => new ResourceChange(r.LogicalId, r.Type, ChangeAction.Remove, [])));
        return changes;
    }

    /// <summary>Classifies one resource's change.</summary>
    public static ResourceChange Classify(string logicalId, string oldType, JsonObject oldProperties, string newType, JsonObject newProperties)
    {
        ArgumentNullException.ThrowIfNull(oldProperties);
        ArgumentNullException.ThrowIfNull(newProperties);
        if (oldType != newType)
        {
            return new ResourceChange(logicalId, newType, ChangeAction.Replace, ["Type"]) { ReplacementCauses = ["Type"] };
        }

        var changed = oldProperties.Select(p => p.Key).Union(newProperties.Select(p => p.Key), StringComparer.Ordinal)
            .Where(key => !TemplateValues.DeepEquals(oldProperties[key], newProperties[key]))
            .ToList();
        if (changed.Count == 0)
        {
            return new ResourceChange(logicalId, newType, ChangeAction.None, []);
        }

        var replacement = ResourceTypeCatalog.Get(newType).ReplacementProperties;
        var causes = changed.Where(replacement.Contains).ToList();
        return new ResourceChange(logicalId, newType, causes.Count > 0 ? ChangeAction.Replace : ChangeAction.UpdateInPlace, changed)
        {
            ReplacementCauses = causes,
        };
    }
}
