namespace Portal.Aws.Credentials;

/// <summary>The temporary credentials and identity sts:AssumeRole returned.</summary>
internal sealed record AssumedRole(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration, string AssumedRoleArn, string? SourceIdentity);
