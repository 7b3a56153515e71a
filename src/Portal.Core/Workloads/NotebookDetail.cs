namespace Portal.Core.Workloads;

/// <summary>A notebook instance with the settings that matter for its security posture.</summary>
public sealed record NotebookDetail(
    NotebookSummary Notebook,
    string? FailureReason,
    string? RoleArn,
    string? KmsKeyId,
    string? SubnetId,
    IReadOnlyList<string> SecurityGroupIds,
    string? DirectInternetAccess,
    string? RootAccess,
    int? VolumeSizeInGb,
    string? DefaultCodeRepository,
    string? LifecycleConfigName);
