namespace Portal.Core.Catalog;

/// <summary>A way a user may launch a product (one per portfolio that grants it).</summary>
public sealed record LaunchPath(string Id, string? Name);
