using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>A portfolio: its products, principals, tag options and its launch path.</summary>
public sealed class ScPortfolio
{
    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required string DisplayName { get; set; }

    public string? Description { get; set; }

    public required string ProviderName { get; set; }

    public DateTimeOffset CreatedTime { get; init; }

    /// <summary>The launch path products take through this portfolio (<c>lpv3-…</c>).</summary>
    public required string LaunchPathId { get; init; }

    public List<Tag> Tags { get; set; } = [];

    public List<string> ProductIds { get; set; } = [];

    public List<ScPrincipal> Principals { get; set; } = [];

    public List<string> TagOptionIds { get; set; } = [];
}
