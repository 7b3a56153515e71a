namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>
/// The plug-in point for a provisioning engine (the CloudFormation engine): Service Catalog calls
/// <see cref="Start"/> when ProvisionProduct/UpdateProvisionedProduct/TerminateProvisionedProduct is
/// accepted, and <see cref="Poll"/> whenever a record still in progress is read. Both run under the
/// state gate. Register an implementation in DI before <c>AddLocalCloud</c> (TryAdd keeps it).
/// </summary>
public interface IProvisioningEngine
{
    /// <summary>Refuses a launch or update before anything is recorded (throws a <c>ServiceException</c>); the default accepts.</summary>
    void CheckLaunch(LaunchCheck check)
    {
    }

    ProvisioningOutcome Start(ProvisioningRequest request);

    ProvisioningOutcome Poll(ProvisioningRequest request);
}
