using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Kms;

/// <summary>A symmetric KMS key with its (locally generated) key material.</summary>
public sealed class KmsKey
{
    public required string KeyId { get; init; }

    public required string Arn { get; init; }

    public required string AccountId { get; init; }

    public DateTimeOffset CreationDate { get; init; }

    public string Description { get; set; } = string.Empty;

    public string KeyUsage { get; init; } = "ENCRYPT_DECRYPT";

    public string KeySpec { get; init; } = "SYMMETRIC_DEFAULT";

    public string KeyState { get; set; } = "Enabled";

    public string? Policy { get; set; }

    public DateTimeOffset? DeletionDate { get; set; }

    /// <summary>Automatic rotation of the key material (EnableKeyRotation / the template's EnableKeyRotation).</summary>
    public bool KeyRotationEnabled { get; set; }

    /// <summary>Days between rotations while rotation is enabled (90–2560, default 365).</summary>
    public int RotationPeriodInDays { get; set; } = 365;

    public List<Tag> Tags { get; set; } = [];

    /// <summary>256-bit AES key material (never leaves LocalCloud except in the state file).</summary>
    public required byte[] Material { get; init; }
}
