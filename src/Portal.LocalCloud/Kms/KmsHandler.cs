using System.Text.Json.Nodes;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Kms;

/// <summary>KMS in JSON 1.1 (<c>TrentService</c>).</summary>
public sealed class KmsHandler : IJsonService
{
    private static readonly string[] ReadOperations = ["DescribeKey", "ListKeys", "ListAliases", "Encrypt", "Decrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ListResourceTags", "GetKeyPolicy", "GetKeyRotationStatus"];

    public string TargetPrefix => "TrentService";

    public string SigningName => "kms";

    public string ValidationErrorCode => "ValidationException";

    public bool IsReadOnly(string operation) => ReadOperations.Contains(operation);

    public JsonObject Invoke(string operation, JsonInput input, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var kms = context.RegionState.Kms;
        switch (operation)
        {
            case "CreateKey":
            {
                var tags = input.Array("Tags").Select(t => new Tag(t?["TagKey"]?.GetValue<string>() ?? string.Empty, t?["TagValue"]?.GetValue<string>() ?? string.Empty)).ToList();
                var key = kms.CreateKey(
                    context.AccountId,
                    context.Region,
                    input.Optional("Description", 0, 8192),
                    input.Enum("KeyUsage", "SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"),
                    input.Str("KeySpec") ?? input.Str("CustomerMasterKeySpec"),
                    input.Str("Policy"),
                    tags,
                    context.Now);
                return new JsonObject { ["KeyMetadata"] = Metadata(key) };
            }

            case "DescribeKey":
                return new JsonObject { ["KeyMetadata"] = Metadata(kms.Resolve(input.Required("KeyId", 1, 2048))) };
            case "ListKeys":
            {
                var (page, next) = Paging.Page(kms.Keys.Values.OrderBy(k => k.CreationDate).ToList(), input.Str("Marker"), input.Int("Limit", 1, 1000) ?? 100);
                return Truncated(new JsonObject { ["Keys"] = new JsonArray(page.Select(k => (JsonNode)new JsonObject { ["KeyId"] = k.KeyId, ["KeyArn"] = k.Arn }).ToArray()) }, next);
            }

            case "CreateAlias":
                kms.CreateAlias(context.AccountId, context.Region, input.Required("AliasName", 1, 256), input.Required("TargetKeyId", 1, 2048), context.Now);
                return [];
            case "DeleteAlias":
                kms.DeleteAlias(input.Required("AliasName", 1, 256));
                return [];
            case "ListAliases":
            {
                var keyFilter = input.Str("KeyId") is { } k ? kms.Resolve(k).KeyId : null;
                var aliases = kms.Aliases.Values.Where(a => keyFilter is null || a.TargetKeyId == keyFilter).OrderBy(a => a.AliasName, StringComparer.Ordinal).ToList();
                var (page, next) = Paging.Page(aliases, input.Str("Marker"), input.Int("Limit", 1, 100) ?? 50);
                return Truncated(
                    new JsonObject
                    {
                        ["Aliases"] = new JsonArray(page.Select(a => (JsonNode)new JsonObject
                        {
                            ["AliasName"] = a.AliasName,
                            ["AliasArn"] = a.AliasArn,
                            ["TargetKeyId"] = a.TargetKeyId,
                            ["CreationDate"] = AwsTime.Epoch(a.CreationDate),
                            ["LastUpdatedDate"] = AwsTime.Epoch(a.LastUpdatedDate),
                        }).ToArray()),
                    },
                    next);
            }

            case "EnableKeyRotation":
                kms.SetRotation(input.Required("KeyId", 1, 2048), enabled: true, input.Int("RotationPeriodInDays"));
                return [];
            case "DisableKeyRotation":
                kms.SetRotation(input.Required("KeyId", 1, 2048), enabled: false);
                return [];
            case "GetKeyRotationStatus":
            {
                var key = kms.Resolve(input.Required("KeyId", 1, 2048));
                var status = new JsonObject { ["KeyRotationEnabled"] = key.KeyRotationEnabled, ["KeyId"] = key.Arn };
                if (key.KeyRotationEnabled)
                {
                    status["RotationPeriodInDays"] = key.RotationPeriodInDays;
                }

                return status;
            }

            case "EnableKey":
                kms.SetEnabled(input.Required("KeyId", 1, 2048), true);
                return [];
            case "DisableKey":
                kms.SetEnabled(input.Required("KeyId", 1, 2048), false);
                return [];
            case "ScheduleKeyDeletion":
            {
                var key = kms.ScheduleDeletion(input.Required("KeyId", 1, 2048), input.Int("PendingWindowInDays", 7, 30) ?? 30, context.Now);
                return new JsonObject { ["KeyId"] = key.Arn, ["DeletionDate"] = AwsTime.Epoch(key.DeletionDate!.Value), ["KeyState"] = key.KeyState, ["PendingWindowInDays"] = input.Int("PendingWindowInDays") ?? 30 };
            }

            case "Encrypt":
            {
                var keyId = input.Required("KeyId", 1, 2048);
                var blob = kms.Encrypt(keyId, Base64(input, "Plaintext"), Context(input));
                return new JsonObject { ["CiphertextBlob"] = Convert.ToBase64String(blob), ["KeyId"] = kms.Resolve(keyId).Arn, ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT" };
            }

            case "Decrypt":
            {
                var (key, plain) = kms.Decrypt(Base64(input, "CiphertextBlob"), input.Str("KeyId"), Context(input));
                return new JsonObject { ["KeyId"] = key.Arn, ["Plaintext"] = Convert.ToBase64String(plain), ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT" };
            }

            case "GenerateDataKey":
            case "GenerateDataKeyWithoutPlaintext":
            {
                var keyId = input.Required("KeyId", 1, 2048);
                var bytes = input.Int("NumberOfBytes", 1, 1024) ?? (input.Enum("KeySpec", "AES_256", "AES_128") == "AES_128" ? 16 : 32);
                var plain = System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes);
                var output = new JsonObject
                {
                    ["CiphertextBlob"] = Convert.ToBase64String(kms.Encrypt(keyId, plain, Context(input))),
                    ["KeyId"] = kms.Resolve(keyId).Arn,
                };
                if (operation == "GenerateDataKey")
                {
                    output["Plaintext"] = Convert.ToBase64String(plain);
                }

                return output;
            }

            case "GetKeyPolicy":
                return new JsonObject { ["Policy"] = kms.Resolve(input.Required("KeyId", 1, 2048)).Policy ?? DefaultPolicy(context.AccountId), ["PolicyName"] = "default" };
            case "ListResourceTags":
                return new JsonObject
                {
                    ["Tags"] = new JsonArray(kms.Resolve(input.Required("KeyId", 1, 2048)).Tags.Select(t => (JsonNode)new JsonObject { ["TagKey"] = t.Key, ["TagValue"] = t.Value }).ToArray()),
                    ["Truncated"] = false,
                };
            default:
                throw new ServiceException("UnknownOperationException", $"LocalCloud does not implement KMS operation {operation}.");
        }
    }

    private static JsonObject Truncated(JsonObject output, string? next)
    {
        output["Truncated"] = next is not null;
        if (next is not null)
        {
            output["NextMarker"] = next;
        }

        return output;
    }

    private static byte[] Base64(JsonInput input, string name)
    {
        try
        {
            return Convert.FromBase64String(input.Required(name));
        }
        catch (FormatException)
        {
            throw new ServiceException("SerializationException", $"{name} is not valid base64.");
        }
    }

    private static Dictionary<string, string> Context(JsonInput input) =>
        input.Obj("EncryptionContext")?.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal)
        ?? [];

    private static string DefaultPolicy(string accountId) =>
        $$"""{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{accountId}}:root"},"Action":"kms:*","Resource":"*"}]}""";

    private static JsonObject Metadata(KmsKey key)
    {
        var metadata = new JsonObject
        {
            ["AWSAccountId"] = key.AccountId,
            ["KeyId"] = key.KeyId,
            ["Arn"] = key.Arn,
            ["CreationDate"] = AwsTime.Epoch(key.CreationDate),
            ["Enabled"] = key.KeyState == "Enabled",
            ["Description"] = key.Description,
            ["KeyUsage"] = key.KeyUsage,
            ["KeyState"] = key.KeyState,
            ["Origin"] = "AWS_KMS",
            ["KeyManager"] = "CUSTOMER",
            ["CustomerMasterKeySpec"] = key.KeySpec,
            ["KeySpec"] = key.KeySpec,
            ["EncryptionAlgorithms"] = new JsonArray("SYMMETRIC_DEFAULT"),
            ["MultiRegion"] = false,
        };
        if (key.DeletionDate is { } deletion)
        {
            metadata["DeletionDate"] = AwsTime.Epoch(deletion);
        }

        return metadata;
    }
}
