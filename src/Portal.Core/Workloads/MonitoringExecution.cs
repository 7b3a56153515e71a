namespace Portal.Core.Workloads;

/// <summary>One run of a monitoring schedule. Status is an open string (Completed, CompletedWithViolations, Failed, …).</summary>
public sealed record MonitoringExecution(string ScheduleName, DateTimeOffset? ScheduledAt, string? Status, string? ProcessingJobArn, string? EndpointName, string? FailureReason);
