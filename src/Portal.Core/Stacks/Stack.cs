using Portal.Core.Common;

namespace Portal.Core.Stacks;

/// <summary>A stack. Status is an open string (CREATE_IN_PROGRESS, CREATE_COMPLETE, ROLLBACK_COMPLETE, …).</summary>
public sealed record Stack(
    string StackId,
    string StackName,
    string? Status,
    string? StatusReason,
    string? Description,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastUpdatedAt,
    IReadOnlyList<StackParameter> Parameters,
    IReadOnlyList<StackOutput> Outputs,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<ResourceTag> Tags)
{
    public bool IsInProgress => Status?.EndsWith("_IN_PROGRESS", StringComparison.Ordinal) == true;
}
