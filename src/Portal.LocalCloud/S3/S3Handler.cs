using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using static Portal.LocalCloud.Protocols.Xml;

namespace Portal.LocalCloud.S3;

/// <summary>
/// S3 REST-XML, path-style only (<c>/bucket</c>, <c>/bucket/</c>, <c>/bucket/key</c>): buckets, objects,
/// ListObjects (v1 and v2 with delimiter, paging and <c>encoding-type=url</c>), bucket policy and
/// default encryption.
/// </summary>
public sealed class S3Handler : IRestXmlService
{
    private const string Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    public string SigningName => "s3";

    public bool IsReadOnly(WireRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Method is "GET" or "HEAD";
    }

    public string OperationOf(WireRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (bucket, key) = Split(request.RawPath);
        if (bucket.Length == 0)
        {
            return "ListBuckets";
        }

        if (key.Length > 0)
        {
            return request.Method switch
            {
                "PUT" => "PutObject",
                "GET" => "GetObject",
                "HEAD" => "HeadObject",
                "DELETE" => "DeleteObject",
                _ => request.Method + "Object",
            };
        }

        var sub = request.HasQuery("policy") ? "BucketPolicy" : request.HasQuery("encryption") ? "BucketEncryption" : null;
        return (request.Method, sub) switch
        {
            ("PUT", null) => "CreateBucket",
            ("HEAD", _) => "HeadBucket",
            ("DELETE", null) => "DeleteBucket",
            ("POST", _) when request.HasQuery("delete") => "DeleteObjects",
            ("GET", null) when request.HasQuery("location") => "GetBucketLocation",
            ("GET", null) when request.HasQuery("versioning") => "GetBucketVersioning",
            ("GET", null) => request.QueryValue("list-type") == "2" ? "ListObjectsV2" : "ListObjects",
            (var m, { } s) => (m == "GET" ? "Get" : m == "PUT" ? "Put" : m == "DELETE" ? "Delete" : m) + s,
            _ => request.Method + "Bucket",
        };
    }

    public WireResponse Invoke(WireRequest request, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var s3 = context.State.S3;
        var account = context.AccountId;
        var (bucketName, key) = Split(request.RawPath);
        var operation = OperationOf(request);
        switch (operation)
        {
            case "ListBuckets":
                return XmlOk(E("ListAllMyBucketsResult",
                    E("Owner", E("ID", Owner(account)), E("DisplayName", "localcloud-" + account)),
                    Xml.List("Buckets", "Bucket", s3.Buckets.Values.Where(b => b.OwnerAccountId == account).OrderBy(b => b.Name, StringComparer.Ordinal), b => [E("Name", b.Name), E("CreationDate", AwsTime.Iso(b.CreationDate))])));
            case "CreateBucket":
            {
                var region = context.Region;
                if (request.Body.Length > 0)
                {
                    var configured = ParseXml(request.Body).Descendants().FirstOrDefault(e => e.Name.LocalName == "LocationConstraint")?.Value;
                    if (!string.IsNullOrEmpty(configured))
                    {
                        region = configured;
                    }
                }

                s3.CreateBucket(bucketName, account, region, context.Now);
                var created = new WireResponse();
                created.Headers["Location"] = "/" + bucketName;
                return created;
            }

            case "HeadBucket":
            {
                var bucket = s3.Bucket(bucketName, account);
                var head = new WireResponse();
                head.Headers["x-amz-bucket-region"] = bucket.Region;
                return head;
            }

            case "DeleteBucket":
                s3.DeleteBucket(bucketName, account);
                return new WireResponse { StatusCode = 204 };
            case "GetBucketLocation":
            {
                var bucket = s3.Bucket(bucketName, account);
                return XmlOk(E("LocationConstraint", bucket.Region == "us-east-1" ? null : bucket.Region));
            }

            case "GetBucketVersioning":
                return XmlOk(E("VersioningConfiguration", s3.Bucket(bucketName, account).VersioningStatus is { } versioning ? E("Status", versioning) : null));
            case "PutBucketPolicy":
                s3.SetPolicy(bucketName, account, Encoding.UTF8.GetString(request.Body));
                return new WireResponse { StatusCode = 204 };
            case "GetBucketPolicy":
            {
                var policy = s3.Bucket(bucketName, account).Policy
                    ?? throw new ServiceException("NoSuchBucketPolicy", "The bucket policy does not exist", 404);
                return WireResponse.Text(200, "application/json", policy);
            }

            case "DeleteBucketPolicy":
                s3.SetPolicy(bucketName, account, null);
                return new WireResponse { StatusCode = 204 };
            case "PutBucketEncryption":
            {
                var bucket = s3.Bucket(bucketName, account);
                var xml = ParseXml(request.Body);
                if (xml.Name.LocalName != "ServerSideEncryptionConfiguration" || !xml.Descendants().Any(e => e.Name.LocalName == "SSEAlgorithm"))
                {
                    throw new ServiceException("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
                }

                bucket.EncryptionConfiguration = xml.ToString(SaveOptions.DisableFormatting);
                return new WireResponse();
            }

            case "GetBucketEncryption":
            {
                var bucket = s3.Bucket(bucketName, account);
                var xml = bucket.EncryptionConfiguration is { } stored
                    ? XElement.Parse(stored)
                    : E("ServerSideEncryptionConfiguration", E("Rule", E("ApplyServerSideEncryptionByDefault", E("SSEAlgorithm", "AES256")), E("BucketKeyEnabled", "false")));
                return XmlOk(xml);
            }

            case "DeleteBucketEncryption":
                s3.Bucket(bucketName, account).EncryptionConfiguration = null;
                return new WireResponse { StatusCode = 204 };
            case "ListObjectsV2":
            case "ListObjects":
                return ListObjects(request, s3.Bucket(bucketName, account), operation == "ListObjectsV2", account);
            case "DeleteObjects":
            {
                var bucket = s3.Bucket(bucketName, account);
                var xml = ParseXml(request.Body);
                var quiet = xml.Elements().Any(e => e.Name.LocalName == "Quiet" && e.Value == "true");
                var keys = xml.Elements().Where(e => e.Name.LocalName == "Object")
                    .Select(o => o.Elements().FirstOrDefault(e => e.Name.LocalName == "Key")?.Value ?? string.Empty).ToList();
                if (keys.Count > 1000)
                {
                    throw new ServiceException("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
                }

                foreach (var k in keys)
                {
                    bucket.Objects.Remove(k);
                }

                return XmlOk(E("DeleteResult", quiet ? null : keys.Select(k => E("Deleted", E("Key", k)))));
            }

            case "PutObject":
            {
                if (request.Header("x-amz-copy-source") is not null)
                {
                    throw new ServiceException("NotImplemented", "LocalCloud does not implement CopyObject.", 501);
                }

                var metadata = request.Headers
                    .Where(h => h.Key.StartsWith("x-amz-meta-", StringComparison.Ordinal))
                    .ToDictionary(h => h.Key["x-amz-meta-".Length..], h => string.Join(',', h.Value), StringComparer.Ordinal);
                var obj = s3.Put(bucketName, account, key, request.Body, request.Header("content-type"), metadata, request.Header("content-md5"), context.Now);
                var put = new WireResponse();
                put.Headers["ETag"] = obj.ETag;
                return put;
            }

            case "GetObject":
            case "HeadObject":
            {
                var obj = s3.Get(bucketName, account, key);
                var response = ObjectResponse(request, obj, operation == "HeadObject");
                return response;
            }

            case "DeleteObject":
                s3.Bucket(bucketName, account).Objects.Remove(key);
                return new WireResponse { StatusCode = 204 };
            default:
                throw new ServiceException("NotImplemented", $"LocalCloud does not implement the S3 operation {operation}.", 501);
        }
    }

    /// <summary>Splits a raw path-style path into the bucket and the (decoded) key.</summary>
    public static (string Bucket, string Key) Split(string rawPath)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        var path = rawPath.StartsWith('/') ? rawPath[1..] : rawPath;
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash >= 0 ? path[..slash] : path;
        var key = slash >= 0 ? path[(slash + 1)..] : string.Empty;
        return (QueryString.Decode(bucket, plusIsSpace: false), QueryString.Decode(key, plusIsSpace: false));
    }

    private static WireResponse ObjectResponse(WireRequest request, S3Object obj, bool head)
    {
        var data = obj.Data;
        var status = 200;
        string? contentRange = null;
        if (request.Header("range") is { } range && range.StartsWith("bytes=", StringComparison.Ordinal) && !range.Contains(',', StringComparison.Ordinal))
        {
            var parts = range[6..].Split('-');
            long start, end;
            if (parts[0].Length == 0)
            {
                var suffix = long.Parse(parts[1], CultureInfo.InvariantCulture);
                start = Math.Max(0, data.Length - suffix);
                end = data.Length - 1;
            }
            else
            {
                start = long.Parse(parts[0], CultureInfo.InvariantCulture);
                end = parts[1].Length == 0 ? data.Length - 1 : Math.Min(long.Parse(parts[1], CultureInfo.InvariantCulture), data.Length - 1);
            }

            if (start >= data.Length || start > end)
            {
                throw new ServiceException("InvalidRange", "The requested range is not satisfiable", 416);
            }

            contentRange = $"bytes {start}-{end}/{data.Length}";
            data = data[(int)start..((int)end + 1)];
            status = 206;
        }

        var response = new WireResponse
        {
            StatusCode = status,
            ContentType = obj.ContentType,
            Body = head ? [] : data,
            ContentLengthOverride = head ? data.Length : null,
        };
        response.Headers["ETag"] = obj.ETag;
        response.Headers["Last-Modified"] = AwsTime.Rfc1123(obj.LastModified);
        response.Headers["Accept-Ranges"] = "bytes";
        if (contentRange is not null)
        {
            response.Headers["Content-Range"] = contentRange;
        }

        foreach (var (name, value) in obj.Metadata)
        {
            response.Headers["x-amz-meta-" + name] = value;
        }

        return response;
    }

    private static WireResponse ListObjects(WireRequest request, S3Bucket bucket, bool v2, string account)
    {
        var prefix = request.QueryValue("prefix") ?? string.Empty;
        var delimiter = request.QueryValue("delimiter");
        var encode = request.QueryValue("encoding-type") == "url";
        if (request.QueryValue("encoding-type") is { } enc && enc != "url")
        {
            throw new ServiceException("InvalidArgument", "Invalid Encoding Method specified in Request");
        }

        var maxKeys = 1000;
        if (request.QueryValue("max-keys") is { } mk && (!int.TryParse(mk, NumberStyles.None, CultureInfo.InvariantCulture, out maxKeys) || maxKeys < 0))
        {
            throw new ServiceException("InvalidArgument", "Provided max-keys not an integer or within integer range");
        }

        maxKeys = Math.Min(maxKeys, 1000);
        string? after;
        if (v2)
        {
            var token = request.QueryValue("continuation-token");
            if (token is not null)
            {
                try
                {
                    after = Encoding.UTF8.GetString(Convert.FromBase64String(token));
                }
                catch (FormatException)
                {
                    throw new ServiceException("InvalidArgument", "The continuation token provided is incorrect");
                }
            }
            else
            {
                after = request.QueryValue("start-after");
            }
        }
        else
        {
            after = request.QueryValue("marker");
        }

        var contents = new List<S3Object>();
        var prefixes = new List<string>();
        string? last = null;
        var truncated = false;
        foreach (var (key, obj) in bucket.Objects.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || (after is not null && string.CompareOrdinal(key, after) <= 0))
            {
                continue;
            }

            string? common = null;
            if (!string.IsNullOrEmpty(delimiter))
            {
                var index = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (index >= 0)
                {
                    common = key[..(index + delimiter.Length)];
                }
            }

            if (common is not null && prefixes.Contains(common))
            {
                continue;
            }

            if (contents.Count + prefixes.Count >= maxKeys)
            {
                truncated = true;
                break;
            }

            if (common is not null)
            {
                prefixes.Add(common);
                last = common + "\uffff";
            }
            else
            {
                contents.Add(obj);
                last = key;
            }
        }

        string Enc(string value) => encode ? Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal) : value;
        var root = E(
            "ListBucketResult",
            E("Name", bucket.Name),
            E("Prefix", Enc(prefix)),
            v2 ? null : E("Marker", Enc(request.QueryValue("marker") ?? string.Empty)),
            v2 && request.QueryValue("start-after") is { } sa ? E("StartAfter", Enc(sa)) : null,
            v2 && request.QueryValue("continuation-token") is { } ct ? E("ContinuationToken", ct) : null,
            v2 ? E("KeyCount", (contents.Count + prefixes.Count).ToString(CultureInfo.InvariantCulture)) : null,
            E("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture)),
            string.IsNullOrEmpty(delimiter) ? null : E("Delimiter", Enc(delimiter)),
            encode ? E("EncodingType", "url") : null,
            E("IsTruncated", truncated ? "true" : "false"),
            truncated && v2 && last is not null ? E("NextContinuationToken", Convert.ToBase64String(Encoding.UTF8.GetBytes(last))) : null,
            truncated && !v2 && last is not null && !string.IsNullOrEmpty(delimiter) ? E("NextMarker", Enc(last)) : null,
            contents.Select(o => E(
                "Contents",
                E("Key", Enc(o.Key)),
                E("LastModified", AwsTime.Iso(o.LastModified)),
                E("ETag", o.ETag),
                E("Size", o.Data.Length.ToString(CultureInfo.InvariantCulture)),
                v2 && request.QueryValue("fetch-owner") != "true" ? null : E("Owner", E("ID", Owner(account)), E("DisplayName", "localcloud-" + account)),
                E("StorageClass", "STANDARD"))),
            prefixes.Select(p => E("CommonPrefixes", E("Prefix", Enc(p)))));
        return XmlOk(root);
    }

    private static string Owner(string account) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(account)));

    private static XElement ParseXml(byte[] body)
    {
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(body));
        }
        catch (XmlException)
        {
            throw new ServiceException("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
        }
    }

    private static WireResponse XmlOk(XElement root) =>
        WireResponse.Text(200, "application/xml", ErrorWriter.Xml(InNamespace(root, Ns)));
}
