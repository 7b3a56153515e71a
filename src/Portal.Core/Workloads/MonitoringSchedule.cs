namespace Portal.Core.Workloads;

/// <summary>A model-monitoring schedule. Status is an open string (Pending, Failed, Scheduled, Stopped).</summary>
public sealed record MonitoringSchedule(string Name, string Arn, string? Status, string? MonitoringType, string? EndpointName, DateTimeOffset? CreatedAt, DateTimeOffset? LastModifiedAt);
