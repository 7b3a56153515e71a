using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Kms;

/// <summary>
/// KMS keys and aliases of one account and region. Encrypt/Decrypt use real AES-256-GCM with the key's
/// material; the encryption context is bound as associated data, so a wrong context fails to decrypt.
/// Ciphertext layout: version byte, key id (36 ASCII bytes), 12-byte nonce, 16-byte tag, ciphertext.
/// </summary>
public sealed partial class KmsStore
{
    private const byte Version = 1;

    public Dictionary<string, KmsKey> Keys { get; set; } = [];

    public Dictionary<string, KmsAlias> Aliases { get; set; } = [];

    public KmsKey CreateKey(string accountId, string region, string? description, string? keyUsage, string? keySpec, string? policy, IReadOnlyList<Tag> tags, DateTimeOffset now)
    {
        if (keyUsage is not null and not "ENCRYPT_DECRYPT")
        {
            throw new ServiceException("UnsupportedOperationException", $"LocalCloud supports only ENCRYPT_DECRYPT keys, not {keyUsage}.");
        }

        if (keySpec is not null and not "SYMMETRIC_DEFAULT")
        {
            throw new ServiceException("UnsupportedOperationException", $"LocalCloud supports only SYMMETRIC_DEFAULT keys, not {keySpec}.");
        }

        var id = Guid.NewGuid().ToString();
        var key = new KmsKey
        {
            KeyId = id,
            Arn = $"arn:aws:kms:{region}:{accountId}:key/{id}",
            AccountId = accountId,
            CreationDate = now,
            Description = description ?? string.Empty,
            Policy = policy,
            Tags = [.. tags],
            Material = RandomNumberGenerator.GetBytes(32),
        };
        Keys[id] = key;
        return key;
    }

    /// <summary>Resolves a key id, key ARN, alias name or alias ARN.</summary>
    public KmsKey Resolve(string keyId)
    {
        var id = keyId;
        if (keyId.StartsWith("alias/", StringComparison.Ordinal) || keyId.Contains(":alias/", StringComparison.Ordinal))
        {
            var name = keyId[keyId.IndexOf("alias/", StringComparison.Ordinal)..];
            if (!Aliases.TryGetValue(name, out var alias))
            {
                throw new ServiceException("NotFoundException", $"Alias {keyId} is not found.");
            }

            id = alias.TargetKeyId;
        }
        else if (keyId.StartsWith("arn:", StringComparison.Ordinal))
        {
            id = keyId[(keyId.LastIndexOf('/') + 1)..];
        }

        return Keys.TryGetValue(id, out var key)
            ? key
            : throw new ServiceException("NotFoundException", $"Key '{keyId}' does not exist");
    }

    public KmsAlias CreateAlias(string accountId, string region, string aliasName, string targetKeyId, DateTimeOffset now)
    {
        if (!AliasPattern().IsMatch(aliasName) || aliasName.Length > 256)
        {
            throw new ServiceException("ValidationException", $"1 validation error detected: Value '{aliasName}' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^alias/[a-zA-Z0-9/_-]+$");
        }

        if (aliasName.StartsWith("alias/aws/", StringComparison.Ordinal))
        {
            throw new ServiceException("NotAuthorizedException", "Cannot create alias with prefix 'alias/aws/'");
        }

        if (Aliases.ContainsKey(aliasName))
        {
            throw new ServiceException("AlreadyExistsException", $"An alias with the name arn:aws:kms:{region}:{accountId}:{aliasName} already exists");
        }

        var key = Resolve(targetKeyId);
        var alias = new KmsAlias
        {
            AliasName = aliasName,
            AliasArn = $"arn:aws:kms:{region}:{accountId}:{aliasName}",
            TargetKeyId = key.KeyId,
            CreationDate = now,
            LastUpdatedDate = now,
        };
        Aliases[aliasName] = alias;
        return alias;
    }

    public void DeleteAlias(string aliasName)
    {
        if (!Aliases.Remove(aliasName))
        {
            throw new ServiceException("NotFoundException", $"Alias {aliasName} is not found.");
        }
    }

    public void SetEnabled(string keyId, bool enabled)
    {
        var key = Resolve(keyId);
        if (key.KeyState == "PendingDeletion")
        {
            throw new ServiceException("KMSInvalidStateException", $"{key.Arn} is pending deletion.");
        }

        key.KeyState = enabled ? "Enabled" : "Disabled";
    }

    /// <summary>EnableKeyRotation / DisableKeyRotation: only for an enabled key (AWS's DisabledException / KMSInvalidStateException otherwise).</summary>
    public KmsKey SetRotation(string keyId, bool enabled, int? periodInDays = null)
    {
        var key = Resolve(keyId);
        switch (key.KeyState)
        {
            case "Disabled":
                throw new ServiceException("DisabledException", $"{key.Arn} is disabled.");
            case "PendingDeletion":
                throw new ServiceException("KMSInvalidStateException", $"{key.Arn} is pending deletion.");
        }

        if (periodInDays is < 90 or > 2560)
        {
            throw new ServiceException("ValidationException", $"1 validation error detected: Value '{periodInDays}' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value between 90 and 2560");
        }

        key.KeyRotationEnabled = enabled;
        if (enabled)
        {
            key.RotationPeriodInDays = periodInDays ?? key.RotationPeriodInDays;
        }

        return key;
    }

    public KmsKey ScheduleDeletion(string keyId, int days, DateTimeOffset now)
    {
        var key = Resolve(keyId);
        key.KeyState = "PendingDeletion";
        key.DeletionDate = now.AddDays(days);
        return key;
    }

    public byte[] Encrypt(string keyId, byte[] plaintext, IReadOnlyDictionary<string, string> context)
    {
        var key = Usable(Resolve(keyId));
        if (plaintext.Length is < 1 or > 4096)
        {
            throw new ServiceException("ValidationException", "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length between 1 and 4096");
        }

        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plaintext.Length];
        using (var aes = new AesGcm(key.Material, 16))
        {
            aes.Encrypt(nonce, plaintext, cipher, tag, Aad(context));
        }

        var id = Encoding.ASCII.GetBytes(key.KeyId);
        return [Version, .. id, .. nonce, .. tag, .. cipher];
    }

    public (KmsKey Key, byte[] Plaintext) Decrypt(byte[] blob, string? keyId, IReadOnlyDictionary<string, string> context)
    {
        if (blob.Length < 1 + 36 + 12 + 16 || blob[0] != Version)
        {
            throw new ServiceException("InvalidCiphertextException", string.Empty);
        }

        var embedded = Encoding.ASCII.GetString(blob, 1, 36);
        if (!Keys.TryGetValue(embedded, out var key))
        {
            throw new ServiceException("InvalidCiphertextException", string.Empty);
        }

        if (keyId is not null && Resolve(keyId).KeyId != key.KeyId)
        {
            throw new ServiceException("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");
        }

        Usable(key);
        var nonce = blob.AsSpan(37, 12);
        var tag = blob.AsSpan(49, 16);
        var cipher = blob.AsSpan(65);
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(key.Material, 16);
            aes.Decrypt(nonce, cipher, tag, plain, Aad(context));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new ServiceException("InvalidCiphertextException", string.Empty);
        }

        return (key, plain);
    }

    private static KmsKey Usable(KmsKey key) =>
        key.KeyState switch
        {
            "Enabled" => key,
            "Disabled" => throw new ServiceException("DisabledException", $"{key.Arn} is disabled."),
            _ => throw new ServiceException("KMSInvalidStateException", $"{key.Arn} is pending deletion."),
        };

    private static byte[] Aad(IReadOnlyDictionary<string, string> context) =>
        Encoding.UTF8.GetBytes(string.Join('\n', context.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)));

    [GeneratedRegex("^alias/[a-zA-Z0-9/_-]+$")]
    private static partial Regex AliasPattern();
}
