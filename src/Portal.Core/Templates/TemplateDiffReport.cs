namespace Portal.Core.Templates;

/// <summary>The differences between two template versions, for the publish dialog and two-person review.</summary>
public sealed record TemplateDiffReport(IReadOnlyList<ResourceChange> Resources, IReadOnlyList<ParameterChange> Parameters, IReadOnlyList<string> Outputs)
{
    public bool HasChanges => Resources.Count > 0 || Parameters.Count > 0 || Outputs.Count > 0;

    public IReadOnlyList<ResourceChange> SecurityRelevantResources => Resources.Where(r => r.IsSecurityRelevant).ToList();

    public bool HasSecurityRelevantChanges => Resources.Any(r => r.IsSecurityRelevant) || Parameters.Any(p => p.IsSecurityRelevant);
}
