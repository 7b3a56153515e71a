namespace Portal.LocalCloud.ServiceCatalog;

public interface IProvisioningEngine
{
}
