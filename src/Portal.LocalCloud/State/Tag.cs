namespace Portal.LocalCloud.State;

/// <summary>A resource tag as stored (order kept as the caller sent it).</summary>
public sealed record Tag(string Key, string Value);
