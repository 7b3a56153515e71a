using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.S3;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>S3 buckets and bucket policies, KMS keys and aliases, SSM parameters.</summary>
public sealed partial class StoreResourceProvisioner
{
    private ProvisioningResult CreateBucket(ResourceRequest request)
    {
        var name = request.NameOrGenerated();
        if (!S3Store.IsValidBucketName(name))
        {
            return ProvisioningResult.Failure($"The specified bucket is not valid. (Service: S3, Status Code: 400, Error Code: InvalidBucketName, BucketName: {name})", "InvalidRequest");
        }

        var bucket = _holder.State.S3.CreateBucket(name, _accountId, _region, Now);
        ConfigureBucket(bucket, request.Properties);
        return Described(request, name, name, bucket.CreationDate);
    }

    private ProvisioningResult UpdateBucket(ResourceRequest request)
    {
        var bucket = _holder.State.S3.Bucket(request.PhysicalId!, _accountId);
        ConfigureBucket(bucket, request.Properties);
        return Described(request, bucket.Name, bucket.Name, bucket.CreationDate);
    }

    private static void ConfigureBucket(S3Bucket bucket, JsonObject p)
    {
        bucket.EncryptionConfiguration = p["BucketEncryption"]?["ServerSideEncryptionConfiguration"] is JsonArray rules
            ? new XElement(
                "ServerSideEncryptionConfiguration",
                rules.OfType<JsonObject>().Select(rule => new XElement(
                    "Rule",
                    new XElement(
                        "ApplyServerSideEncryptionByDefault",
                        new XElement("SSEAlgorithm", TemplateValues.AsString(rule["ServerSideEncryptionByDefault"]?["SSEAlgorithm"]) ?? "AES256"),
                        TemplateValues.AsString(rule["ServerSideEncryptionByDefault"]?["KMSMasterKeyID"]) is { } key ? new XElement("KMSMasterKeyID", key) : null),
                    new XElement("BucketKeyEnabled", TemplateValues.AsString(rule["BucketKeyEnabled"])?.ToLowerInvariant() ?? "false")))).ToString(SaveOptions.DisableFormatting)
            : null;
        bucket.VersioningStatus = TemplateValues.AsString(p["VersioningConfiguration"]?["Status"]);
        bucket.PublicAccessBlock = p["PublicAccessBlockConfiguration"]?.ToJsonString();
    }

    private ProvisioningResult DeleteBucket(ResourceRequest request)
    {
        if (!_holder.State.S3.Buckets.ContainsKey(request.PhysicalId!))
        {
            return Deleted(request);
        }

        try
        {
            _holder.State.S3.DeleteBucket(request.PhysicalId!, _accountId);
        }
        catch (ServiceException e) when (e.Code == "BucketNotEmpty")
        {
            return ProvisioningResult.Failure($"{e.Message} (Service: S3, Status Code: 409, Request ID: {Guid.NewGuid():N})", "GeneralServiceException");
        }

        return Deleted(request);
    }

    private ProvisioningResult PutBucketPolicy(ResourceRequest request)
    {
        var bucket = Required(request.Properties, "Bucket");
        var document = Document(request.Properties["PolicyDocument"]) ?? throw new ServiceException("InvalidRequest", "PolicyDocument is required.");
        if (request.PreviousProperties is { } previous && Str(previous, "Bucket") is { } old && old != bucket && _holder.State.S3.Buckets.ContainsKey(old))
        {
            _holder.State.S3.SetPolicy(old, _accountId, null);
        }

        _holder.State.S3.SetPolicy(bucket, _accountId, document);
        return Described(request, bucket, bucket, Now);
    }

    private ProvisioningResult DeleteBucketPolicy(ResourceRequest request)
    {
        if (Str(request.Properties, "Bucket") is { } bucket && _holder.State.S3.Buckets.ContainsKey(bucket))
        {
            _holder.State.S3.SetPolicy(bucket, _accountId, null);
        }

        return Deleted(request);
    }

    private ProvisioningResult CreateKey(ResourceRequest request)
    {
        var p = request.Properties;
        var key = Region.Kms.CreateKey(_accountId, _region, Str(p, "Description"), Str(p, "KeyUsage"), Str(p, "KeySpec"), Document(p["KeyPolicy"]), Tags(request), Now);
        if (IsTrue(p, "EnableKeyRotation"))
        {
            Region.Kms.SetRotation(key.KeyId, enabled: true, RotationPeriod(p));
        }

        if (string.Equals(Str(p, "Enabled"), "false", StringComparison.OrdinalIgnoreCase))
        {
            Region.Kms.SetEnabled(key.KeyId, enabled: false);
        }

        return Described(request, key.KeyId, key.KeyId, key.CreationDate, new Dictionary<string, JsonNode?> { ["Arn"] = key.Arn });
    }

    private ProvisioningResult UpdateKey(ResourceRequest request)
    {
        var p = request.Properties;
        var key = Region.Kms.Resolve(request.PhysicalId!);
        key.Description = Str(p, "Description") ?? string.Empty;
        key.Policy = Document(p["KeyPolicy"]) ?? key.Policy;
        key.Tags = Tags(request);
        // Rotation can only change on an enabled key: enable first when the template wants the key enabled, set the
        // rotation, then settle the key's final state.
        var enabled = !string.Equals(Str(p, "Enabled"), "false", StringComparison.OrdinalIgnoreCase);
        if (enabled)
        {
            Region.Kms.SetEnabled(key.KeyId, true);
        }

        if (IsTrue(p, "EnableKeyRotation") != key.KeyRotationEnabled || (key.KeyRotationEnabled && RotationPeriod(p) is { } period && period != key.RotationPeriodInDays))
        {
            Region.Kms.SetRotation(key.KeyId, IsTrue(p, "EnableKeyRotation"), RotationPeriod(p));
        }

        Region.Kms.SetEnabled(key.KeyId, enabled);
        return Described(request, key.KeyId, key.KeyId, key.CreationDate, new Dictionary<string, JsonNode?> { ["Arn"] = key.Arn });
    }

    private static int? RotationPeriod(JsonObject p) =>
        Str(p, "RotationPeriodInDays") is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var days) ? days : null;

    private ProvisioningResult DeleteKey(ResourceRequest request)
    {
        if (Region.Kms.Keys.ContainsKey(request.PhysicalId!))
        {
            var days = Str(request.Properties, "PendingWindowInDays") is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var d) ? d : 30;
            if (Region.Kms.Keys[request.PhysicalId!].KeyState != "PendingDeletion")
            {
                Region.Kms.ScheduleDeletion(request.PhysicalId!, days, Now);
            }
        }

        return Deleted(request);
    }

    private ProvisioningResult CreateAlias(ResourceRequest request)
    {
        var alias = Region.Kms.CreateAlias(_accountId, _region, Required(request.Properties, "AliasName"), Required(request.Properties, "TargetKeyId"), Now);
        return Described(request, alias.AliasName, alias.AliasName, alias.CreationDate);
    }

    private ProvisioningResult UpdateAlias(ResourceRequest request)
    {
        var alias = Region.Kms.Aliases.GetValueOrDefault(request.PhysicalId!) ?? throw new ServiceException("NotFoundException", $"Alias {request.PhysicalId} is not found.");
        alias.TargetKeyId = Region.Kms.Resolve(Required(request.Properties, "TargetKeyId")).KeyId;
        alias.LastUpdatedDate = Now;
        return Described(request, alias.AliasName, alias.AliasName, alias.CreationDate);
    }

    private ProvisioningResult DeleteAlias(ResourceRequest request)
    {
        if (Region.Kms.Aliases.ContainsKey(request.PhysicalId!))
        {
            Region.Kms.DeleteAlias(request.PhysicalId!);
        }

        return Deleted(request);
    }

    private ProvisioningResult PutParameter(ResourceRequest request, bool overwrite)
    {
        var p = request.Properties;
        var name = request.PhysicalId ?? request.NameOrGenerated();
        var type = Required(p, "Type");
        if (type == "SecureString")
        {
            return ProvisioningResult.Failure("SecureString parameters are not supported by CloudFormation's AWS::SSM::Parameter.", "InvalidRequest");
        }

        // PutParameter refuses tags with Overwrite, so an update writes the value first and then the tags, as
        // CloudFormation's handler does with AddTagsToResource / RemoveTagsFromResource.
        var tags = Tags(request);
        var parameter = Region.Ssm.Put(name, Required(p, "Value"), type, overwrite, Str(p, "Description"), null, Str(p, "AllowedPattern"), Str(p, "Tier"), Str(p, "DataType"), overwrite ? [] : tags, User, Now);
        parameter.Tags = [.. tags];
        return Described(request, parameter.Name, parameter.Name, parameter.LastModifiedDate);
    }

    private ProvisioningResult DeleteParameter(ResourceRequest request)
    {
        if (Region.Ssm.TryGet(request.PhysicalId!, out _))
        {
            Region.Ssm.Delete(request.PhysicalId!);
        }

        return Deleted(request);
    }
}
