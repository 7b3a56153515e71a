namespace Portal.Core.Provisioning;

/// <summary>An error reported on a provisioning record.</summary>
public sealed record RecordError(string? Code, string? Description);
