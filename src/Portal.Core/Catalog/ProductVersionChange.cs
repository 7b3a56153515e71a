namespace Portal.Core.Catalog;

/// <summary>Changes to a product version; null leaves a field as it is. Guidance DEPRECATED blocks new launches but still allows updates.</summary>
public sealed record ProductVersionChange(bool? Active = null, string? Guidance = null, string? Name = null, string? Description = null);
