namespace Portal.Core.Workloads;

/// <summary>A training job with its resources and security settings (a job without VPC settings has empty subnet lists).</summary>
public sealed record TrainingJobDetail(
    TrainingJobSummary Job,
    string? SecondaryStatus,
    string? FailureReason,
    string? RoleArn,
    string? InstanceType,
    int? InstanceCount,
    string? VolumeKmsKeyId,
    string? OutputKmsKeyId,
    string? ModelArtifactsUri,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> SecurityGroupIds,
    bool? EnableNetworkIsolation,
    bool? EnableInterContainerTrafficEncryption,
    DateTimeOffset? StartedAt,
    long? BillableSeconds);
