namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Service Catalog's view of a backing stack (cloudformation-resources.md §4): the record status
/// (<c>CREATED</c>, <c>IN_PROGRESS</c>, <c>IN_PROGRESS_IN_ERROR</c>, <c>SUCCEEDED</c>, <c>FAILED</c>) and the
/// provisioned-product status (<c>AVAILABLE</c>, <c>UNDER_CHANGE</c>, <c>TAINTED</c>, <c>ERROR</c>).
/// </summary>
public sealed record ProvisioningStatus(string RecordStatus, string ProvisionedProductStatus)
{
    /// <summary>Maps a backing stack's status; null (stack not created yet) gives CREATED / UNDER_CHANGE.</summary>
    public static ProvisioningStatus FromStackStatus(string? stackStatus) => stackStatus switch
    {
        null => new("CREATED", "UNDER_CHANGE"),
        StackStatus.CreateInProgress or StackStatus.UpdateInProgress or StackStatus.DeleteInProgress
            or StackStatus.UpdateCompleteCleanupInProgress => new("IN_PROGRESS", "UNDER_CHANGE"),
        StackStatus.RollbackInProgress or StackStatus.UpdateRollbackInProgress
            or StackStatus.UpdateRollbackCompleteCleanupInProgress => new("IN_PROGRESS_IN_ERROR", "UNDER_CHANGE"),
        StackStatus.CreateComplete or StackStatus.UpdateComplete => new("SUCCEEDED", "AVAILABLE"),
        StackStatus.UpdateRollbackComplete => new("FAILED", "TAINTED"),
        StackStatus.DeleteComplete => new("SUCCEEDED", "AVAILABLE"),
        _ => new("FAILED", "ERROR"),
    };

    /// <summary>A stack creation refused by validation (no stack exists): FAILED / ERROR.</summary>
    public static ProvisioningStatus Rejected { get; } = new("FAILED", "ERROR");
}
