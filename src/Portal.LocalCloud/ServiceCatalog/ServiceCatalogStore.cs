namespace Portal.LocalCloud.ServiceCatalog;

public sealed class ServiceCatalogStore
{
}
