using Portal.LocalCloud.Auth;
using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>The caller of a stack operation as the principal a role-less stack acts as.</summary>
public static class CallerSession
{
    /// <summary>An assumed-role session's role, session name, tags and source identity; null for long-term keys (not evaluated).</summary>
    public static StackPrincipal? Of(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.RoleArn is { } roleArn
            ? new StackPrincipal(roleArn, caller.SessionName ?? "session") { SessionTags = caller.SessionTags, SourceIdentity = caller.SourceIdentity }
            : null;
    }
}
