namespace Portal.Core.Templates;

/// <summary>A resource declaration: logical id, type, property tree and attributes.</summary>
public sealed record TemplateResource(string LogicalId, string Type, TemplateMapping Properties, SourcePosition Position)
{
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public string? Condition { get; init; }

    public string? DeletionPolicy { get; init; }

    public TemplateMapping? Metadata { get; init; }
}
