namespace Portal.Core.Identity;

/// <summary>Who the cloud says the caller is.</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
