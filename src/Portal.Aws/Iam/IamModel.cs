using Portal.Aws.Protocols;

namespace Portal.Aws.Iam;

// Request and response shapes, member names exactly as in botocore's iam 2010-05-08 model.
internal sealed record IamTag { public string? Key { get; init; } public string? Value { get; init; } }

internal sealed record IamRoleLastUsed { public DateTimeOffset? LastUsedDate { get; init; } public string? Region { get; init; } }

internal sealed record IamRole
{
    public string? Path { get; init; }
    public string? RoleName { get; init; }
    public string? RoleId { get; init; }
    public string? Arn { get; init; }
    public DateTimeOffset? CreateDate { get; init; }

    [UrlEncoded]
    public string? AssumeRolePolicyDocument { get; init; }

    public string? Description { get; init; }
    public int? MaxSessionDuration { get; init; }
    public IReadOnlyList<IamTag>? Tags { get; init; }
    public IamRoleLastUsed? RoleLastUsed { get; init; }
}

internal sealed record IamRoleNameRequest { public required string RoleName { get; init; } }

internal sealed record IamGetRoleResponse { public IamRole? Role { get; init; } }

internal sealed record IamListRolesRequest { public string? PathPrefix { get; init; } public string? Marker { get; init; } public int? MaxItems { get; init; } }

internal sealed record IamListRolesResponse { public IReadOnlyList<IamRole>? Roles { get; init; } public bool IsTruncated { get; init; } public string? Marker { get; init; } }

internal sealed record IamListRoleItemsRequest { public required string RoleName { get; init; } public string? Marker { get; init; } public int? MaxItems { get; init; } }

internal sealed record IamAttachedPolicy { public string? PolicyName { get; init; } public string? PolicyArn { get; init; } }

internal sealed record IamListAttachedRolePoliciesResponse { public IReadOnlyList<IamAttachedPolicy>? AttachedPolicies { get; init; } public bool IsTruncated { get; init; } public string? Marker { get; init; } }

internal sealed record IamListRolePoliciesResponse { public IReadOnlyList<string>? PolicyNames { get; init; } public bool IsTruncated { get; init; } public string? Marker { get; init; } }

internal sealed record IamGetRolePolicyRequest { public required string RoleName { get; init; } public required string PolicyName { get; init; } }

internal sealed record IamGetRolePolicyResponse
{
    public string? RoleName { get; init; }
    public string? PolicyName { get; init; }

    [UrlEncoded]
    public string? PolicyDocument { get; init; }
}

internal sealed record IamContextEntry { public string? ContextKeyName { get; init; } public IReadOnlyList<string>? ContextKeyValues { get; init; } public string? ContextKeyType { get; init; } }

internal sealed record IamSimulatePrincipalPolicyRequest
{
    public required string PolicySourceArn { get; init; }
    public required IReadOnlyList<string> ActionNames { get; init; }
    public IReadOnlyList<string>? ResourceArns { get; init; }
    public IReadOnlyList<IamContextEntry>? ContextEntries { get; init; }
    public int? MaxItems { get; init; }
    public string? Marker { get; init; }
}

internal sealed record IamStatement { public string? SourcePolicyId { get; init; } public string? SourcePolicyType { get; init; } }

internal sealed record IamEvaluationResult
{
    public string? EvalActionName { get; init; }
    public string? EvalResourceName { get; init; }
    public string? EvalDecision { get; init; }
    public IReadOnlyList<IamStatement>? MatchedStatements { get; init; }
    public IReadOnlyList<string>? MissingContextValues { get; init; }
}

internal sealed record IamSimulatePrincipalPolicyResponse { public IReadOnlyList<IamEvaluationResult>? EvaluationResults { get; init; } public bool IsTruncated { get; init; } public string? Marker { get; init; } }

internal sealed record IamCreateRoleRequest
{
    public string? Path { get; init; }
    public required string RoleName { get; init; }
    public required string AssumeRolePolicyDocument { get; init; }
    public string? Description { get; init; }
    public int? MaxSessionDuration { get; init; }
    public string? PermissionsBoundary { get; init; }
    public IReadOnlyList<IamTag>? Tags { get; init; }
}

internal sealed record IamCreateRoleResponse { public IamRole? Role { get; init; } }
