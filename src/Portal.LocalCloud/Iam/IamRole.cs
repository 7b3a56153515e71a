using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Iam;

/// <summary>An IAM role with its trust policy, inline policies and attached managed policy ARNs.</summary>
public sealed class IamRole
{
    public required string RoleName { get; init; }

    public required string RoleId { get; init; }

    public required string Arn { get; init; }

    public string Path { get; init; } = "/";

    public DateTimeOffset CreateDate { get; init; }

    public required string AssumeRolePolicyDocument { get; set; }

    public string? Description { get; set; }

    public int MaxSessionDuration { get; set; } = 3600;

    public string? PermissionsBoundaryArn { get; set; }

    public List<Tag> Tags { get; set; } = [];

    /// <summary>Inline policies by name, in creation order.</summary>
    public List<IamInlinePolicy> InlinePolicies { get; set; } = [];

    public List<string> AttachedPolicyArns { get; set; } = [];
}
