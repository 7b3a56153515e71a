namespace Portal.Core.Stacks;

/// <summary>A stack event (newest first when listed).</summary>
public sealed record StackEvent(
    string EventId,
    string StackName,
    string? LogicalResourceId,
    string? PhysicalResourceId,
    string? ResourceType,
    string? ResourceStatus,
    string? ResourceStatusReason,
    DateTimeOffset? Timestamp);
