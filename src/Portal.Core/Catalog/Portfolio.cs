namespace Portal.Core.Catalog;

/// <summary>A catalog portfolio.</summary>
public sealed record Portfolio(string Id, string Arn, string DisplayName, string? Description, string? ProviderName, DateTimeOffset? CreatedAt);
