namespace Portal.Core.Templates;

/// <summary>An output, with its export name when it is exported.</summary>
public sealed record TemplateOutput(string Name, TemplateValue? Value, SourcePosition Position)
{
    public string? Description { get; init; }

    public TemplateValue? ExportName { get; init; }

    public string? Condition { get; init; }
}
