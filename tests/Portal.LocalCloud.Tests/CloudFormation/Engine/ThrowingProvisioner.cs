using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

/// <summary>A provisioner whose creates throw, as a broken store would.</summary>
internal sealed class ThrowingProvisioner : IResourceProvisioner
{
    public Task<ProvisioningResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("store unavailable");

    public Task<ProvisioningResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("store unavailable");

    public Task<ProvisioningResult> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ProvisioningResult.Success(request.PhysicalId ?? string.Empty, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>()));
}
