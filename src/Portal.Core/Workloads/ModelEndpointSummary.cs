namespace Portal.Core.Workloads;

/// <summary>A model-serving endpoint as listed. Status is an open string (InService, Creating, Failed, …).</summary>
public sealed record ModelEndpointSummary(string Name, string Arn, string? Status, DateTimeOffset? CreatedAt, DateTimeOffset? LastModifiedAt);
