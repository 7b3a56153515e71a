namespace Portal.Core.Workloads;

/// <summary>A processing job as listed. Status is an open string.</summary>
public sealed record ProcessingJobSummary(string Name, string Arn, string? Status, string? FailureReason, string? ExitMessage, DateTimeOffset? CreatedAt, DateTimeOffset? EndedAt, DateTimeOffset? LastModifiedAt);
