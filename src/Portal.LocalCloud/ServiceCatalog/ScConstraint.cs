namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>A constraint (LAUNCH, TEMPLATE, NOTIFICATION, RESOURCE_UPDATE, STACKSET) on a product in a portfolio.</summary>
public sealed class ScConstraint
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? Description { get; set; }

    public required string Owner { get; init; }

    public required string ProductId { get; init; }

    public required string PortfolioId { get; init; }

    /// <summary>The constraint's parameters as the JSON string the caller sent.</summary>
    public required string Parameters { get; set; }
}
