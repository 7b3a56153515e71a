namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>
/// The engine used until the CloudFormation engine is registered: it accepts and records every request
/// and leaves it IN_PROGRESS (it never pretends a stack was created).
/// </summary>
public sealed class AcceptOnlyProvisioningEngine : IProvisioningEngine
{
    public ProvisioningOutcome Start(ProvisioningRequest request) => ProvisioningOutcome.InProgress;

    public ProvisioningOutcome Poll(ProvisioningRequest request) => ProvisioningOutcome.InProgress;
}
