namespace Portal.Core.Stacks;

/// <summary>A stack parameter value; UsePreviousValue keeps the current one on update.</summary>
public sealed record StackParameter(string Key, string? Value, bool UsePreviousValue = false);
