namespace Portal.LocalCloud.Kms;

/// <summary>A KMS alias (<c>alias/name</c>) pointing at a key.</summary>
public sealed class KmsAlias
{
    public required string AliasName { get; init; }

    public required string AliasArn { get; init; }

    public required string TargetKeyId { get; set; }

    public DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset LastUpdatedDate { get; set; }
}
