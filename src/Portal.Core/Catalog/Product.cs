namespace Portal.Core.Catalog;

/// <summary>
/// A catalog product. Id is the product id (prod-…); ViewId the product view id (prodview-…).
/// Type is an open string (CLOUD_FORMATION_TEMPLATE, MARKETPLACE, TERRAFORM_…).
/// </summary>
public sealed record Product(string Id, string? ViewId, string Name, string? Owner, string? Type, string? Description, string? Distributor);
