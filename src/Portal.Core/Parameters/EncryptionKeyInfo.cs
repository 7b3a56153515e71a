namespace Portal.Core.Parameters;

/// <summary>A KMS key as a project environment shows it. State is an open string (Enabled, Disabled, PendingDeletion, …).</summary>
public sealed record EncryptionKeyInfo(string KeyId, string Arn, string? State, string? Description, string? KeyManager, DateTimeOffset? CreatedAt);
