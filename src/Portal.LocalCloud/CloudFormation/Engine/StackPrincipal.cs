namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// The role session a stack's resource operations act as: the stack's service role (session
/// <c>AWSCloudFormation</c>) or, for a stack without one, the assumed-role session that called CreateStack,
/// UpdateStack or DeleteStack. Null on a request means LocalCloud's own authority (long-term keys are not evaluated).
/// </summary>
public sealed record StackPrincipal(string RoleArn, string SessionName)
{
    /// <summary>The session name CloudFormation uses when it assumes a stack's service role.</summary>
    public const string ServiceRoleSession = "AWSCloudFormation";

    public IReadOnlyDictionary<string, string> SessionTags { get; init; } = new Dictionary<string, string>();

    public string? SourceIdentity { get; init; }

    /// <summary>True for the stack's own service role, false for a caller's session.</summary>
    public bool IsServiceRole { get; init; }

    public static StackPrincipal ServiceRole(string roleArn) => new(roleArn, ServiceRoleSession) { IsServiceRole = true };
}
