namespace Portal.LocalCloud.S3;

/// <summary>A bucket with its objects, policy and default encryption configuration.</summary>
public sealed class S3Bucket
{
    public required string Name { get; init; }

    public required string Region { get; init; }

    public required string OwnerAccountId { get; init; }

    public DateTimeOffset CreationDate { get; init; }

    /// <summary>The bucket policy JSON, or null.</summary>
    public string? Policy { get; set; }

    /// <summary>The <c>ServerSideEncryptionConfiguration</c> XML as stored, or null for the AWS default (SSE-S3).</summary>
    public string? EncryptionConfiguration { get; set; }

    /// <summary>Versioning status set by CloudFormation's <c>VersioningConfiguration</c> (<c>Enabled</c>/<c>Suspended</c>), null when never set.</summary>
    public string? VersioningStatus { get; set; }

    /// <summary>The <c>PublicAccessBlockConfiguration</c> as JSON, null when none is set.</summary>
    public string? PublicAccessBlock { get; set; }

    /// <summary>Objects by key (listed in ordinal key order, as S3 lists UTF-8 binary order).</summary>
    public Dictionary<string, S3Object> Objects { get; set; } = [];
}
