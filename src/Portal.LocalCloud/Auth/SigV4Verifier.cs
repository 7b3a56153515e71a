using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Auth;

/// <summary>
/// Recomputes a request's SigV4 signature from the request's own <c>SignedHeaders</c> and compares it.
/// Canonical request as in the AWS documentation: S3 paths are decoded and encoded once, other services
/// re-encode the wire path; query pairs are decoded, RFC 3986-encoded and sorted.
/// </summary>
public static class SigV4Verifier
{
    public static string ComputeSignature(WireRequest request, SigV4Authorization auth, string secretAccessKey, string amzDate)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(auth);
        var canonical = CanonicalRequest(request, auth);
        var stringToSign = string.Join(
            '\n',
            "AWS4-HMAC-SHA256",
            amzDate,
            auth.Scope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), auth.ScopeDate);
        key = Hmac(key, auth.Region);
        key = Hmac(key, auth.Service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static bool SignatureMatches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    public static string CanonicalRequest(WireRequest request, SigV4Authorization auth)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(auth);
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalPath(request.RawPath, auth.Service == "s3")).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery, auth.Presigned)).Append('\n');
        foreach (var name in auth.SignedHeaders)
        {
            var lower = name.ToLowerInvariant();
            var values = request.Headers.TryGetValue(lower, out var v) ? v : [];
            builder.Append(lower).Append(':').Append(string.Join(',', values.Select(CollapseSpaces))).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', auth.SignedHeaders.Select(h => h.ToLowerInvariant()))).Append('\n');
        builder.Append(PayloadHash(request, auth));
        return builder.ToString();
    }

    public static string PayloadHash(WireRequest request, SigV4Authorization auth)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(auth);
        var header = request.Header("x-amz-content-sha256");
        if (header is not null)
        {
            return header;
        }

        return auth.Presigned && auth.Service == "s3" ? "UNSIGNED-PAYLOAD" : Hex(SHA256.HashData(request.RawBody));
    }

    public static string CanonicalPath(string rawPath, bool isS3)
    {
        if (string.IsNullOrEmpty(rawPath))
        {
            return "/";
        }

        var segments = rawPath.Split('/');
        return string.Join('/', segments.Select(s => isS3 ? UriEncode(QueryString.Decode(s, plusIsSpace: false)) : UriEncode(s)));
    }

    public static string CanonicalQuery(string rawQuery, bool presigned)
    {
        var pairs = QueryString.Parse(rawQuery, plusIsSpace: false)
            .Where(p => !(presigned && p.Key == "X-Amz-Signature"))
            .Select(p => (Key: UriEncode(p.Key), Value: UriEncode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>RFC 3986 encoding: everything but unreserved characters, upper-case hex, UTF-8.</summary>
    public static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string CollapseSpaces(string value)
    {
        var trimmed = value.Trim();
        var builder = new StringBuilder(trimmed.Length);
        var previousSpace = false;
        foreach (var c in trimmed)
        {
            if (c == ' ')
            {
                if (!previousSpace)
                {
                    builder.Append(c);
                }

                previousSpace = true;
            }
            else
            {
                builder.Append(c);
                previousSpace = false;
            }
        }

        return builder.ToString();
    }
}
