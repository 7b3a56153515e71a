namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>An output of a provisioned product (a stack output).</summary>
public sealed record ScOutput(string OutputKey, string OutputValue, string? Description);
