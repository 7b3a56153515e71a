namespace Portal.Core.Stacks;

/// <summary>A stack output.</summary>
public sealed record StackOutput(string Key, string? Value, string? Description, string? ExportName);
