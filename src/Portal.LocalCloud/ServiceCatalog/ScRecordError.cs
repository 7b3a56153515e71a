namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>An error on a record.</summary>
public sealed record ScRecordError(string Code, string Description);
