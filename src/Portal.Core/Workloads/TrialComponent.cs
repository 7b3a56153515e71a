namespace Portal.Core.Workloads;

/// <summary>A trial component (a step in lineage: a job, a notebook run, …). Status is an open string.</summary>
public sealed record TrialComponent(string Name, string? Arn, string? DisplayName, string? SourceArn, string? SourceType, string? Status, string? StatusMessage, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, DateTimeOffset? CreatedAt);
