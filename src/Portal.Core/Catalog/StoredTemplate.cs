namespace Portal.Core.Catalog;

/// <summary>Where a template was stored; Url is what a product version's LoadTemplateFromURL takes.</summary>
public sealed record StoredTemplate(string Bucket, string Key, string Url, string? VersionId, string? ETag);
