namespace Portal.Core.Provisioning;

/// <summary>
/// The record of one provision/update/terminate request. Status and RecordType are open strings
/// (CREATED, IN_PROGRESS, IN_PROGRESS_IN_ERROR, SUCCEEDED, FAILED; PROVISION_PRODUCT, …).
/// Outputs are filled by DescribeRecord only.
/// </summary>
public sealed record ProvisioningRecord(
    string RecordId,
    string? Status,
    string? RecordType,
    string? ProvisionedProductId,
    string? ProvisionedProductName,
    string? ProductId,
    string? VersionId,
    string? PathId,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<RecordError> Errors,
    IReadOnlyList<RecordOutput> Outputs)
{
    public bool IsFinished => Status is "SUCCEEDED" or "FAILED";
}
