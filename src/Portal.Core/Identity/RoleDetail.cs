using Portal.Core.Common;

namespace Portal.Core.Identity;

/// <summary>An IAM role with its trust policy (decoded JSON) and tags.</summary>
public sealed record RoleDetail(
    RoleSummary Role,
    string? TrustPolicyDocument,
    int? MaxSessionDurationSeconds,
    DateTimeOffset? LastUsedAt,
    IReadOnlyList<ResourceTag> Tags);
