using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Sts;

/// <summary>Temporary credentials issued by AssumeRole, with the identity they carry.</summary>
public sealed class StsSession
{
    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    public required string SessionToken { get; init; }

    public required DateTimeOffset Expiration { get; init; }

    public required string AccountId { get; init; }

    public required string RoleArn { get; init; }

    public required string RoleName { get; init; }

    public required string RoleId { get; init; }

    public required string SessionName { get; init; }

    public string? SourceIdentity { get; init; }

    public List<Tag> Tags { get; init; } = [];

    public List<string> TransitiveTagKeys { get; init; } = [];

    public string AssumedRoleArn => $"arn:aws:sts::{AccountId}:assumed-role/{RoleName}/{SessionName}";
}
