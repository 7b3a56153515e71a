namespace Portal.Core.Stacks;

/// <summary>A resource of a stack.</summary>
public sealed record StackResource(string LogicalResourceId, string? PhysicalResourceId, string ResourceType, string? ResourceStatus, string? ResourceStatusReason, DateTimeOffset? Timestamp);
