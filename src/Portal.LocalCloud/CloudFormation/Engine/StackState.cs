namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>A serialisable copy of one <see cref="Stack"/>.</summary>
public sealed record StackState(
    string StackId,
    string StackName,
    string Status,
    string? StatusReason,
    string? FailureReason,
    string? LastFailureSummary,
    string TemplateBody,
    IReadOnlyList<ParameterState> Parameters,
    IReadOnlyList<string> Capabilities,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> NotificationArns,
    IReadOnlyList<StackOutput> Outputs,
    bool DisableRollback,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastUpdatedTime,
    DateTimeOffset? DeletionTime,
    string? ParentId,
    string? RootId,
    IReadOnlyList<StackEvent> Events,
    IReadOnlyList<StackResourceState> Resources,
    IReadOnlyList<string> ResourceOrder,
    string? RoleArn = null);
