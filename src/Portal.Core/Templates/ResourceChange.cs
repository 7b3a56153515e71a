namespace Portal.Core.Templates;

/// <summary>A resource added, removed or modified between two versions, with its security-relevant reasons.</summary>
public sealed record ResourceChange(string LogicalId, string Type, ChangeKind Kind, IReadOnlyList<PropertyChange> Properties, IReadOnlyList<string> SecurityReasons)
{
    public bool IsSecurityRelevant => SecurityReasons.Count > 0;
}
