namespace Portal.LocalCloud.Iam;

/// <summary>A customer managed policy with its versions.</summary>
public sealed class IamManagedPolicy
{
    public required string PolicyName { get; init; }

    public required string PolicyId { get; init; }

    public required string Arn { get; init; }

    public string Path { get; init; } = "/";

    public string? Description { get; init; }

    public DateTimeOffset CreateDate { get; init; }

    public DateTimeOffset UpdateDate { get; set; }

    public string DefaultVersionId { get; set; } = "v1";

    public List<IamPolicyVersion> Versions { get; set; } = [];

    public string DefaultDocument => Versions.First(v => v.VersionId == DefaultVersionId).Document;
}
