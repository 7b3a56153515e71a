namespace Portal.Core.Workloads;

/// <summary>A notebook instance as listed. Status is an open string (Pending, InService, Stopping, Stopped, Failed, Deleting, Updating).</summary>
public sealed record NotebookSummary(string Name, string Arn, string? Status, string? Url, string? InstanceType, DateTimeOffset? CreatedAt, DateTimeOffset? LastModifiedAt);
