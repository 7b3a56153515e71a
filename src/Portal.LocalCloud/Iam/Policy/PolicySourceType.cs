namespace Portal.LocalCloud.Iam.Policy;

/// <summary>SimulatePrincipalPolicy's <c>SourcePolicyType</c>.</summary>
public enum PolicySourceType
{
    /// <summary>An inline policy of a role (<c>role</c>).</summary>
    Role,
    User,
    Group,
    AwsManaged,
    UserManaged,
    Resource,
    None,
}
