namespace Portal.LocalCloud.S3;

/// <summary>An object: bytes, ETag (MD5) and the metadata S3 returns.</summary>
public sealed class S3Object
{
    public required string Key { get; init; }

    public required byte[] Data { get; init; }

    public required string ETag { get; init; }

    public DateTimeOffset LastModified { get; init; }

    public string ContentType { get; init; } = "binary/octet-stream";

    public Dictionary<string, string> Metadata { get; init; } = [];
}
