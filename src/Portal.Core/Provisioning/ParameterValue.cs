namespace Portal.Core.Provisioning;

/// <summary>A launch parameter value. UsePreviousValue keeps the current value on an update (Value is then ignored).</summary>
public sealed record ParameterValue(string Key, string? Value, bool UsePreviousValue = false);
