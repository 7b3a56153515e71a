namespace Portal.Core.Stacks;

/// <summary>A cross-stack export.</summary>
public sealed record StackExport(string Name, string Value, string? ExportingStackId);
