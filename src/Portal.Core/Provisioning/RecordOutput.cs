namespace Portal.Core.Provisioning;

/// <summary>A stack output reported on a record or a provisioned product.</summary>
public sealed record RecordOutput(string Key, string? Value, string? Description);
