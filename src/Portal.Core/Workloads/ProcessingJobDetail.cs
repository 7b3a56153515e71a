namespace Portal.Core.Workloads;

/// <summary>A processing job with its resources and network settings.</summary>
public sealed record ProcessingJobDetail(
    ProcessingJobSummary Job,
    string? RoleArn,
    string? InstanceType,
    int? InstanceCount,
    string? VolumeKmsKeyId,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> SecurityGroupIds,
    bool? EnableNetworkIsolation,
    bool? EnableInterContainerTrafficEncryption,
    DateTimeOffset? StartedAt,
    string? MonitoringScheduleArn);
