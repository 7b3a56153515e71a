using Portal.LocalCloud.Auth;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>Where a provisioning call runs: store, caller, account, region, time and the whole state.</summary>
public sealed record ProvisioningScope(ServiceCatalogStore Store, CallerIdentity Caller, string AccountId, string Region, DateTimeOffset Now, CloudState State);
