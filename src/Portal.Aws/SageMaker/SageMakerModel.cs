namespace Portal.Aws.SageMaker;

// Request and response shapes, member names exactly as in botocore's sagemaker 2017-07-24 model.
internal sealed record SmListRequest
{
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
    public string? SortBy { get; init; }
    public string? SortOrder { get; init; }
    public string? NameContains { get; init; }
    public string? StatusEquals { get; init; }
    public DateTimeOffset? CreationTimeAfter { get; init; }
    public DateTimeOffset? LastModifiedTimeAfter { get; init; }
}

internal sealed record SmNotebookInstanceSummary { public string? NotebookInstanceName { get; init; } public string? NotebookInstanceArn { get; init; } public string? NotebookInstanceStatus { get; init; } public string? Url { get; init; } public string? InstanceType { get; init; } public DateTimeOffset? CreationTime { get; init; } public DateTimeOffset? LastModifiedTime { get; init; } }

internal sealed record SmListNotebookInstancesResponse { public IReadOnlyList<SmNotebookInstanceSummary>? NotebookInstances { get; init; } public string? NextToken { get; init; } }

internal sealed record SmNotebookInstanceNameRequest { public required string NotebookInstanceName { get; init; } }

internal sealed record SmDescribeNotebookInstanceResponse
{
    public string? NotebookInstanceArn { get; init; }
    public string? NotebookInstanceName { get; init; }
    public string? NotebookInstanceStatus { get; init; }
    public string? FailureReason { get; init; }
    public string? Url { get; init; }
    public string? InstanceType { get; init; }
    public string? SubnetId { get; init; }
    public IReadOnlyList<string>? SecurityGroups { get; init; }
    public string? RoleArn { get; init; }
    public string? KmsKeyId { get; init; }
    public DateTimeOffset? LastModifiedTime { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public string? NotebookInstanceLifecycleConfigName { get; init; }
    public string? DirectInternetAccess { get; init; }
    public int? VolumeSizeInGB { get; init; }
    public string? DefaultCodeRepository { get; init; }
    public string? RootAccess { get; init; }
}

internal sealed record SmEmptyResponse;

internal sealed record SmCreatePresignedNotebookInstanceUrlRequest { public required string NotebookInstanceName { get; init; } public int? SessionExpirationDurationInSeconds { get; init; } }

internal sealed record SmCreatePresignedNotebookInstanceUrlResponse { public string? AuthorizedUrl { get; init; } }

internal sealed record SmTrainingJobSummary { public string? TrainingJobName { get; init; } public string? TrainingJobArn { get; init; } public DateTimeOffset? CreationTime { get; init; } public DateTimeOffset? TrainingEndTime { get; init; } public DateTimeOffset? LastModifiedTime { get; init; } public string? TrainingJobStatus { get; init; } }

internal sealed record SmListTrainingJobsResponse { public IReadOnlyList<SmTrainingJobSummary>? TrainingJobSummaries { get; init; } public string? NextToken { get; init; } }

internal sealed record SmTrainingJobNameRequest { public required string TrainingJobName { get; init; } }

internal sealed record SmResourceConfig { public string? InstanceType { get; init; } public int? InstanceCount { get; init; } public int? VolumeSizeInGB { get; init; } public string? VolumeKmsKeyId { get; init; } }

internal sealed record SmVpcConfig { public IReadOnlyList<string>? SecurityGroupIds { get; init; } public IReadOnlyList<string>? Subnets { get; init; } }

internal sealed record SmOutputDataConfig { public string? KmsKeyId { get; init; } public string? S3OutputPath { get; init; } }

internal sealed record SmModelArtifacts { public string? S3ModelArtifacts { get; init; } }

internal sealed record SmDescribeTrainingJobResponse
{
    public string? TrainingJobName { get; init; }
    public string? TrainingJobArn { get; init; }
    public SmModelArtifacts? ModelArtifacts { get; init; }
    public string? TrainingJobStatus { get; init; }
    public string? SecondaryStatus { get; init; }
    public string? FailureReason { get; init; }
    public string? RoleArn { get; init; }
    public SmOutputDataConfig? OutputDataConfig { get; init; }
    public SmResourceConfig? ResourceConfig { get; init; }
    public SmVpcConfig? VpcConfig { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? TrainingStartTime { get; init; }
    public DateTimeOffset? TrainingEndTime { get; init; }
    public DateTimeOffset? LastModifiedTime { get; init; }
    public bool? EnableNetworkIsolation { get; init; }
    public bool? EnableInterContainerTrafficEncryption { get; init; }
    public long? BillableTimeInSeconds { get; init; }
}

internal sealed record SmProcessingJobSummary { public string? ProcessingJobName { get; init; } public string? ProcessingJobArn { get; init; } public DateTimeOffset? CreationTime { get; init; } public DateTimeOffset? ProcessingEndTime { get; init; } public DateTimeOffset? LastModifiedTime { get; init; } public string? ProcessingJobStatus { get; init; } public string? FailureReason { get; init; } public string? ExitMessage { get; init; } }

internal sealed record SmListProcessingJobsResponse { public IReadOnlyList<SmProcessingJobSummary>? ProcessingJobSummaries { get; init; } public string? NextToken { get; init; } }

internal sealed record SmProcessingJobNameRequest { public required string ProcessingJobName { get; init; } }

internal sealed record SmProcessingClusterConfig { public int? InstanceCount { get; init; } public string? InstanceType { get; init; } public int? VolumeSizeInGB { get; init; } public string? VolumeKmsKeyId { get; init; } }

internal sealed record SmProcessingResources { public SmProcessingClusterConfig? ClusterConfig { get; init; } }

internal sealed record SmNetworkConfig { public bool? EnableInterContainerTrafficEncryption { get; init; } public bool? EnableNetworkIsolation { get; init; } public SmVpcConfig? VpcConfig { get; init; } }

internal sealed record SmDescribeProcessingJobResponse
{
    public string? ProcessingJobName { get; init; }
    public string? ProcessingJobArn { get; init; }
    public SmProcessingResources? ProcessingResources { get; init; }
    public SmNetworkConfig? NetworkConfig { get; init; }
    public string? RoleArn { get; init; }
    public string? ProcessingJobStatus { get; init; }
    public string? ExitMessage { get; init; }
    public string? FailureReason { get; init; }
    public DateTimeOffset? ProcessingEndTime { get; init; }
    public DateTimeOffset? ProcessingStartTime { get; init; }
    public DateTimeOffset? LastModifiedTime { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public string? MonitoringScheduleArn { get; init; }
}

internal sealed record SmEndpointSummary { public string? EndpointName { get; init; } public string? EndpointArn { get; init; } public DateTimeOffset? CreationTime { get; init; } public DateTimeOffset? LastModifiedTime { get; init; } public string? EndpointStatus { get; init; } }

internal sealed record SmListEndpointsResponse { public IReadOnlyList<SmEndpointSummary>? Endpoints { get; init; } public string? NextToken { get; init; } }

internal sealed record SmEndpointNameRequest { public required string EndpointName { get; init; } }

internal sealed record SmProductionVariantSummary { public string? VariantName { get; init; } }

internal sealed record SmDescribeEndpointResponse
{
    public string? EndpointName { get; init; }
    public string? EndpointArn { get; init; }
    public string? EndpointConfigName { get; init; }
    public IReadOnlyList<SmProductionVariantSummary>? ProductionVariants { get; init; }
    public string? EndpointStatus { get; init; }
    public string? FailureReason { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? LastModifiedTime { get; init; }
}

internal sealed record SmListMonitoringSchedulesRequest { public string? EndpointName { get; init; } public string? SortBy { get; init; } public string? SortOrder { get; init; } public string? NextToken { get; init; } public int? MaxResults { get; init; } }

internal sealed record SmMonitoringScheduleSummary { public string? MonitoringScheduleName { get; init; } public string? MonitoringScheduleArn { get; init; } public DateTimeOffset? CreationTime { get; init; } public DateTimeOffset? LastModifiedTime { get; init; } public string? MonitoringScheduleStatus { get; init; } public string? EndpointName { get; init; } public string? MonitoringType { get; init; } }

internal sealed record SmListMonitoringSchedulesResponse { public IReadOnlyList<SmMonitoringScheduleSummary>? MonitoringScheduleSummaries { get; init; } public string? NextToken { get; init; } }

internal sealed record SmListMonitoringExecutionsRequest { public string? MonitoringScheduleName { get; init; } public string? EndpointName { get; init; } public string? SortBy { get; init; } public string? SortOrder { get; init; } public string? NextToken { get; init; } public int? MaxResults { get; init; } }

internal sealed record SmMonitoringExecutionSummary { public string? MonitoringScheduleName { get; init; } public DateTimeOffset? ScheduledTime { get; init; } public string? MonitoringExecutionStatus { get; init; } public string? ProcessingJobArn { get; init; } public string? EndpointName { get; init; } public string? FailureReason { get; init; } }

internal sealed record SmListMonitoringExecutionsResponse { public IReadOnlyList<SmMonitoringExecutionSummary>? MonitoringExecutionSummaries { get; init; } public string? NextToken { get; init; } }

internal sealed record SmListExperimentsRequest { public DateTimeOffset? CreatedAfter { get; init; } public string? SortBy { get; init; } public string? SortOrder { get; init; } public string? NextToken { get; init; } public int? MaxResults { get; init; } }

internal sealed record SmExperimentSource { public string? SourceArn { get; init; } public string? SourceType { get; init; } }

internal sealed record SmExperimentSummary { public string? ExperimentArn { get; init; } public string? ExperimentName { get; init; } public string? DisplayName { get; init; } public SmExperimentSource? ExperimentSource { get; init; } public DateTimeOffset? CreationTime { get; init; } public DateTimeOffset? LastModifiedTime { get; init; } }

internal sealed record SmListExperimentsResponse { public IReadOnlyList<SmExperimentSummary>? ExperimentSummaries { get; init; } public string? NextToken { get; init; } }

internal sealed record SmListTrialComponentsRequest { public string? ExperimentName { get; init; } public string? TrialName { get; init; } public string? SortBy { get; init; } public string? SortOrder { get; init; } public int? MaxResults { get; init; } public string? NextToken { get; init; } }

internal sealed record SmTrialComponentSource { public string? SourceArn { get; init; } public string? SourceType { get; init; } }

internal sealed record SmTrialComponentStatus { public string? PrimaryStatus { get; init; } public string? Message { get; init; } }

internal sealed record SmTrialComponentSummary
{
    public string? TrialComponentName { get; init; }
    public string? TrialComponentArn { get; init; }
    public string? DisplayName { get; init; }
    public SmTrialComponentSource? TrialComponentSource { get; init; }
    public SmTrialComponentStatus? Status { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
}

internal sealed record SmListTrialComponentsResponse { public IReadOnlyList<SmTrialComponentSummary>? TrialComponentSummaries { get; init; } public string? NextToken { get; init; } }

internal sealed record SmListTagsRequest { public required string ResourceArn { get; init; } public string? NextToken { get; init; } public int? MaxResults { get; init; } }

internal sealed record SmTag { public string? Key { get; init; } public string? Value { get; init; } }

internal sealed record SmListTagsResponse { public IReadOnlyList<SmTag>? Tags { get; init; } public string? NextToken { get; init; } }
