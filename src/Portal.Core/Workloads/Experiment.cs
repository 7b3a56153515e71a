namespace Portal.Core.Workloads;

/// <summary>An experiment (lineage).</summary>
public sealed record Experiment(string Name, string? Arn, string? DisplayName, string? SourceArn, DateTimeOffset? CreatedAt, DateTimeOffset? LastModifiedAt);
