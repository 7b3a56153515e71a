namespace Portal.LocalCloud.Iam.Policy;

/// <summary>A policy in scope of an evaluation: its name (SourcePolicyId) and where it comes from.</summary>
public sealed record NamedPolicy(string Name, PolicySourceType SourceType, PolicyDocument Document)
{
    /// <summary>The wire spelling of <see cref="SourceType"/> (<c>role</c>, <c>aws-managed</c>, <c>user-managed</c>, …).</summary>
    public string SourceTypeName => SourceType switch
    {
        PolicySourceType.Role => "role",
        PolicySourceType.User => "user",
        PolicySourceType.Group => "group",
        PolicySourceType.AwsManaged => "aws-managed",
        PolicySourceType.UserManaged => "user-managed",
        PolicySourceType.Resource => "resource",
        _ => "none",
    };
}
