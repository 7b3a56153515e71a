namespace Portal.LocalCloud.Iam;

/// <summary>One version of a managed policy.</summary>
public sealed record IamPolicyVersion(string VersionId, string Document, DateTimeOffset CreateDate);
