using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>A product with its versions (provisioning artifacts).</summary>
public sealed class ScProduct
{
    public required string Id { get; init; }

    public required string ProductViewId { get; init; }

    public required string Arn { get; init; }

    public required string Name { get; set; }

    public required string Owner { get; set; }

    public string? Description { get; set; }

    public string? Distributor { get; set; }

    public string? SupportDescription { get; set; }

    public string? SupportEmail { get; set; }

    public string? SupportUrl { get; set; }

    public required string ProductType { get; init; }

    public DateTimeOffset CreatedTime { get; init; }

    public List<Tag> Tags { get; set; } = [];

    public List<ScArtifact> Artifacts { get; set; } = [];

    public List<string> TagOptionIds { get; set; } = [];
}
