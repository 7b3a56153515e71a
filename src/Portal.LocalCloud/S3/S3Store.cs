using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.S3;

/// <summary>
/// S3 buckets and objects. Bucket names are one global namespace (as in AWS); each bucket records its
/// owner account and region.
/// </summary>
public sealed partial class S3Store
{
    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3"];

    public Dictionary<string, S3Bucket> Buckets { get; set; } = [];

    public S3Bucket CreateBucket(string name, string accountId, string region, DateTimeOffset now)
    {
        if (!IsValidBucketName(name))
        {
            throw new ServiceException("InvalidBucketName", "The specified bucket is not valid.");
        }

        if (Buckets.TryGetValue(name, out var existing))
        {
            throw existing.OwnerAccountId == accountId
                ? new ServiceException("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", 409)
                : new ServiceException("BucketAlreadyExists", "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.", 409);
        }

        var bucket = new S3Bucket { Name = name, Region = region, OwnerAccountId = accountId, CreationDate = now };
        Buckets[name] = bucket;
        return bucket;
    }

    /// <summary>
    /// S3's general-purpose bucket naming rules: 3–63 characters of lowercase letters, digits, dots and hyphens,
    /// starting and ending with a letter or digit, no adjacent dots, not an IP address, none of the reserved
    /// prefixes (<c>xn--</c>, <c>sthree-</c>, <c>amzn-s3-demo-</c>) or suffixes (<c>-s3alias</c>, <c>--ol-s3</c>, <c>.mrap</c>, <c>--x-s3</c>).
    /// </summary>
    public static bool IsValidBucketName(string name) =>
        name.Length is >= 3 and <= 63
        && BucketPattern().IsMatch(name)
        && !name.Contains("..", StringComparison.Ordinal)
        && !IpPattern().IsMatch(name)
        && !ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
        && !ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));

    /// <summary>The bucket, provided the caller's account owns it.</summary>
    public S3Bucket Bucket(string name, string accountId)
    {
        if (!Buckets.TryGetValue(name, out var bucket))
        {
            throw new ServiceException("NoSuchBucket", "The specified bucket does not exist", 404);
        }

        return bucket.OwnerAccountId == accountId ? bucket : throw new ServiceException("AccessDenied", "Access Denied", 403);
    }

    public void DeleteBucket(string name, string accountId)
    {
        var bucket = Bucket(name, accountId);
        if (bucket.Objects.Count > 0)
        {
            throw new ServiceException("BucketNotEmpty", "The bucket you tried to delete is not empty", 409);
        }

        Buckets.Remove(name);
    }

    public S3Object Put(string bucketName, string accountId, string key, byte[] data, string? contentType, IReadOnlyDictionary<string, string> metadata, string? contentMd5, DateTimeOffset now)
    {
        var bucket = Bucket(bucketName, accountId);
        if (key.Length is < 1 or > 1024)
        {
            throw new ServiceException("KeyTooLongError", "Your key is too long", 400);
        }

        var md5 = MD5.HashData(data);
        if (contentMd5 is not null)
        {
            byte[] expected;
            try
            {
                expected = Convert.FromBase64String(contentMd5);
            }
            catch (FormatException)
            {
                throw new ServiceException("InvalidDigest", "The Content-MD5 you specified was invalid.");
            }

            if (!expected.AsSpan().SequenceEqual(md5))
            {
                throw new ServiceException("BadDigest", "The Content-MD5 you specified did not match what we received.");
            }
        }

        var obj = new S3Object
        {
            Key = key,
            Data = data,
            ETag = "\"" + Convert.ToHexStringLower(md5) + "\"",
            LastModified = now,
            ContentType = contentType ?? "binary/octet-stream",
            Metadata = new Dictionary<string, string>(metadata, StringComparer.Ordinal),
        };
        bucket.Objects[key] = obj;
        return obj;
    }

    public S3Object Get(string bucketName, string accountId, string key) =>
        Bucket(bucketName, accountId).Objects.TryGetValue(key, out var obj)
            ? obj
            : throw new ServiceException("NoSuchKey", "The specified key does not exist.", 404);

    /// <summary>Reads an object regardless of owner (used by services such as Service Catalog's LoadTemplateFromURL).</summary>
    public S3Object? Find(string bucketName, string key) =>
        Buckets.TryGetValue(bucketName, out var bucket) && bucket.Objects.TryGetValue(key, out var obj) ? obj : null;

    public void SetPolicy(string bucketName, string accountId, string? policy)
    {
        var bucket = Bucket(bucketName, accountId);
        if (policy is not null)
        {
            try
            {
                using var json = JsonDocument.Parse(policy);
                if (!json.RootElement.TryGetProperty("Statement", out _))
                {
                    throw new ServiceException("MalformedPolicy", "Missing required field Statement");
                }
            }
            catch (JsonException)
            {
                throw new ServiceException("MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'");
            }
        }

        bucket.Policy = policy;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex BucketPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex IpPattern();
}
