namespace Portal.Core.Catalog;

/// <summary>A product as an end user sees it: the versions they may launch and through which paths.</summary>
public sealed record LaunchableProduct(Product Product, IReadOnlyList<ProductVersion> Versions, IReadOnlyList<LaunchPath> LaunchPaths);
