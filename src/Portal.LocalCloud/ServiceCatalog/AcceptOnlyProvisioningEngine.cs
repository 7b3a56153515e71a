namespace Portal.LocalCloud.ServiceCatalog;

public sealed class AcceptOnlyProvisioningEngine : IProvisioningEngine
{
}
