using Portal.Core.Common;

namespace Portal.Core.Identity;

/// <summary>A role to create.</summary>
public sealed record NewRole(
    string RoleName,
    string TrustPolicyDocument,
    string? Path = null,
    string? Description = null,
    int? MaxSessionDurationSeconds = null,
    string? PermissionsBoundaryArn = null,
    IReadOnlyList<ResourceTag>? Tags = null);
