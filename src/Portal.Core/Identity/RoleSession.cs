namespace Portal.Core.Identity;

/// <summary>What a caller may know about an assumed role session (never its secrets).</summary>
/// <param name="RoleArn">The persona role that was assumed.</param>
/// <param name="AssumedRoleArn">The session's own ARN (role ARN plus session name).</param>
/// <param name="SourceIdentity">The user login recorded as the session's source identity.</param>
/// <param name="ExpiresAt">When the session's credentials expire.</param>
public sealed record RoleSession(string RoleArn, string AssumedRoleArn, string SourceIdentity, DateTimeOffset ExpiresAt);
