namespace Portal.Core.Catalog;

/// <summary>A catalog tag option.</summary>
public sealed record TagOption(string Id, string Key, string Value, bool? Active);
