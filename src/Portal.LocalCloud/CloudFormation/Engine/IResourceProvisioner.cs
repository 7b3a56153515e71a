namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Creates, updates and deletes one resource of a stack. LocalCloud's implementation dispatches on
/// <see cref="ResourceRequest.ResourceType"/> to its service stores; <see cref="InMemoryResourceProvisioner"/> is the
/// pure one used by tests and benchmarks. Nested stacks never reach a provisioner.
/// </summary>
public interface IResourceProvisioner
{
    Task<ProvisioningResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken);

    /// <summary>Updates in place; <see cref="ResourceRequest.PhysicalId"/> and <see cref="ResourceRequest.PreviousProperties"/> are set.</summary>
    Task<ProvisioningResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes; a refusal (e.g. a non-empty bucket) is a failure result, which leaves the stack DELETE_FAILED.</summary>
    Task<ProvisioningResult> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken);
}
