namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>One DescribeStackEvents entry. Stack-level events have the stack name as logical id and the stack ARN as physical id.</summary>
public sealed record StackEvent(
    string EventId,
    string StackId,
    string StackName,
    string LogicalResourceId,
    string PhysicalResourceId,
    string ResourceType,
    DateTimeOffset Timestamp,
    string ResourceStatus,
    string? ResourceStatusReason,
    string? ResourceProperties);
