namespace Portal.Core.Identity;

/// <summary>An IAM role as listed.</summary>
public sealed record RoleSummary(string RoleName, string Arn, string RoleId, string Path, DateTimeOffset? CreatedAt, string? Description);
