namespace Portal.Core.Catalog;

/// <summary>A product version (provisioning artifact). Guidance is DEFAULT or DEPRECATED (open string).</summary>
public sealed record ProductVersion(string Id, string Name, string? Description, string? Type, DateTimeOffset? CreatedAt, bool? Active, string? Guidance);
