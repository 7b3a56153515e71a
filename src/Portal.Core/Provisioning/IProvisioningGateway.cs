using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Provisioning;

/// <summary>Launches, updates and terminates products and tracks their records.</summary>
public interface IProvisioningGateway
{
    Task<Result<ProvisioningRecord>> ProvisionAsync(ActingIdentity identity, ProvisionRequest request, CancellationToken cancellationToken);

    Task<Result<ProvisioningRecord>> UpdateAsync(ActingIdentity identity, ProvisionedProductUpdate update, CancellationToken cancellationToken);

    Task<Result<ProvisioningRecord>> TerminateAsync(ActingIdentity identity, TerminationRequest request, CancellationToken cancellationToken);

    /// <summary>The record with its outputs (poll until <see cref="ProvisioningRecord.IsFinished"/>).</summary>
    Task<Result<ProvisioningRecord>> DescribeRecordAsync(ActingIdentity identity, string recordId, CancellationToken cancellationToken);

    IAsyncEnumerable<ProvisioningRecord> ListRecordHistoryAsync(ActingIdentity identity, ProvisionedProductScope scope, string? provisionedProductId, CancellationToken cancellationToken);

    /// <summary>Searches provisioned products; searchQuery uses the catalog's syntax, e.g. "status:AVAILABLE".</summary>
    IAsyncEnumerable<ProvisionedProduct> SearchProvisionedProductsAsync(ActingIdentity identity, ProvisionedProductScope scope, string? searchQuery, CancellationToken cancellationToken);

    Task<Result<ProvisionedProduct>> DescribeProvisionedProductAsync(ActingIdentity identity, string provisionedProductId, CancellationToken cancellationToken);

    Task<Result<IReadOnlyList<RecordOutput>>> GetOutputsAsync(ActingIdentity identity, string provisionedProductId, CancellationToken cancellationToken);
}
