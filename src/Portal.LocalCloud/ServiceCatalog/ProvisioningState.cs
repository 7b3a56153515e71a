namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>Where a provisioning engine is with a record.</summary>
public enum ProvisioningState
{
    InProgress,
    Succeeded,
    Failed,
}
