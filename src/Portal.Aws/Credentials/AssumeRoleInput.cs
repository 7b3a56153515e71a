using Portal.Core.Common;

namespace Portal.Aws.Credentials;

/// <summary>An sts:AssumeRole call for a user.</summary>
internal sealed record AssumeRoleInput(string RoleArn, string SessionName, string SourceIdentity, IReadOnlyList<ResourceTag> Tags, int DurationSeconds);
