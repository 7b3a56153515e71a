namespace Portal.Core.Workloads;

/// <summary>A training job as listed. Status is an open string (InProgress, Completed, Failed, Stopping, Stopped, …).</summary>
public sealed record TrainingJobSummary(string Name, string Arn, string? Status, DateTimeOffset? CreatedAt, DateTimeOffset? EndedAt, DateTimeOffset? LastModifiedAt);
