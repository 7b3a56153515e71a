namespace Portal.LocalCloud.Auth;

/// <summary>
/// Who signed the request: the account, the principal ARN and, for temporary credentials issued by
/// LocalCloud's STS, the role, session name, SourceIdentity and session tags. Every handler sees it.
/// </summary>
public sealed record CallerIdentity
{
    public required string AccountId { get; init; }

    /// <summary><c>arn:aws:iam::A:root</c>, <c>arn:aws:iam::A:user/N</c> or <c>arn:aws:sts::A:assumed-role/R/S</c>.</summary>
    public required string Arn { get; init; }

    public required string UserId { get; init; }

    public required string AccessKeyId { get; init; }

    /// <summary>The role's own ARN (with its path) when the caller is an assumed-role session.</summary>
    public string? RoleArn { get; init; }

    public string? RoleName { get; init; }

    public string? SessionName { get; init; }

    public string? SourceIdentity { get; init; }

    public IReadOnlyDictionary<string, string> SessionTags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];

    public bool IsAssumedRole => RoleArn is not null;

    /// <summary>The ARN a policy principal or a Service Catalog principal association is matched against.</summary>
    public string PrincipalArn => RoleArn ?? Arn;

    public static CallerIdentity Root(string accountId, string accessKeyId) => new()
    {
        AccountId = accountId,
        Arn = $"arn:aws:iam::{accountId}:root",
        UserId = accountId,
        AccessKeyId = accessKeyId,
    };
}
