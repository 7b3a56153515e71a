namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>Stack and resource status values, spelled as the API returns them.</summary>
public static class StackStatus
{
    public const string CreateInProgress = "CREATE_IN_PROGRESS";
    public const string CreateComplete = "CREATE_COMPLETE";
    public const string CreateFailed = "CREATE_FAILED";
    public const string RollbackInProgress = "ROLLBACK_IN_PROGRESS";
    public const string RollbackComplete = "ROLLBACK_COMPLETE";
    public const string RollbackFailed = "ROLLBACK_FAILED";
    public const string UpdateInProgress = "UPDATE_IN_PROGRESS";
    public const string UpdateCompleteCleanupInProgress = "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS";
    public const string UpdateComplete = "UPDATE_COMPLETE";
    public const string UpdateFailed = "UPDATE_FAILED";
    public const string UpdateRollbackInProgress = "UPDATE_ROLLBACK_IN_PROGRESS";
    public const string UpdateRollbackCompleteCleanupInProgress = "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS";
    public const string UpdateRollbackComplete = "UPDATE_ROLLBACK_COMPLETE";
    public const string UpdateRollbackFailed = "UPDATE_ROLLBACK_FAILED";
    public const string DeleteInProgress = "DELETE_IN_PROGRESS";
    public const string DeleteComplete = "DELETE_COMPLETE";
    public const string DeleteFailed = "DELETE_FAILED";
    public const string DeleteSkipped = "DELETE_SKIPPED";

    /// <summary>States from which UpdateStack is accepted.</summary>
    public static bool IsUpdatable(string status) => status is CreateComplete or UpdateComplete or UpdateRollbackComplete
        or "IMPORT_COMPLETE" or "IMPORT_ROLLBACK_COMPLETE";

    public static bool IsInProgress(string status) => status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal);
}
