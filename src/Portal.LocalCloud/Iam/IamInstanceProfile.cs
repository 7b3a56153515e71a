using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Iam;

/// <summary>An IAM instance profile: a named container for at most one role (IAM's limit), referenced by role name.</summary>
public sealed class IamInstanceProfile
{
    public required string InstanceProfileName { get; init; }

    public required string InstanceProfileId { get; init; }

    public required string Arn { get; init; }

    public string Path { get; init; } = "/";

    public DateTimeOffset CreateDate { get; init; }

    /// <summary>Names of the roles in the profile (AWS allows one).</summary>
    public List<string> RoleNames { get; set; } = [];

    public List<Tag> Tags { get; set; } = [];
}
