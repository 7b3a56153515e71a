namespace Portal.LocalCloud;

/// <summary>A long-term access key LocalCloud accepts and the account it belongs to.</summary>
public sealed class LocalCloudCredential
{
    public string AccessKeyId { get; set; } = string.Empty;

    public string SecretAccessKey { get; set; } = string.Empty;

    public string AccountId { get; set; } = "000000000000";

    /// <summary>When set, the key belongs to the IAM user of that name; otherwise to the account root.</summary>
    public string? UserName { get; set; }
}
