using Portal.Core.Common;

namespace Portal.Core.Catalog;

/// <summary>A product as its administrator sees it. Status is an open string (AVAILABLE, CREATING, FAILED).</summary>
public sealed record ProductDetail(
    Product Product,
    string? Status,
    string? Arn,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<ProductVersion> Versions,
    IReadOnlyList<ResourceTag> Tags);
