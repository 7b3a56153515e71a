namespace Portal.Core.Catalog;

/// <summary>A constraint on a product in a portfolio. Type is an open string (LAUNCH, TEMPLATE, …).</summary>
public sealed record CatalogConstraint(string Id, string Type, string? Description, string? Owner, string? ProductId, string? PortfolioId, string? Status);
