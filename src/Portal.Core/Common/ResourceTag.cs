namespace Portal.Core.Common;

/// <summary>A key/value tag on a cloud resource.</summary>
public sealed record ResourceTag(string Key, string Value);
