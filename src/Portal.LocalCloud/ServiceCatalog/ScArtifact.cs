namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>A product version with the template it was created from.</summary>
public sealed class ScArtifact
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public string Type { get; init; } = "CLOUD_FORMATION_TEMPLATE";

    public DateTimeOffset CreatedTime { get; init; }

    public bool Active { get; set; } = true;

    public string Guidance { get; set; } = "DEFAULT";

    public string? TemplateUrl { get; init; }

    /// <summary>The template text as loaded at creation time.</summary>
    public required string TemplateBody { get; init; }
}
