using Portal.Core.Common;

namespace Portal.Core.Provisioning;

/// <summary>A provisioned product. Status is an open string (AVAILABLE, UNDER_CHANGE, TAINTED, ERROR, PLAN_IN_PROGRESS).</summary>
public sealed record ProvisionedProduct(
    string Id,
    string Name,
    string? Arn,
    string? Type,
    string? Status,
    string? StatusMessage,
    DateTimeOffset? CreatedAt,
    string? LastRecordId,
    string? ProductId,
    string? ProductName,
    string? VersionId,
    string? VersionName,
    string? UserArn,
    string? LaunchRoleArn,
    IReadOnlyList<ResourceTag> Tags);
