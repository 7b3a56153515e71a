using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Aws.Tests.Fakes;

namespace Portal.Aws.Tests.Signing;

/// <summary>
/// An independent SigV4 check written from the public algorithm (not AWSSDK's code): rebuilds the canonical
/// request from the headers named in SignedHeaders and compares the signature.
/// </summary>
internal static partial class SigV4Verifier
{
    public static bool IsValid(RecordedRequest request, string secretKey)
    {
        var authorization = request.Header("Authorization") ?? string.Empty;
        var match = AuthorizationPattern().Match(authorization);
        if (!match.Success)
        {
            return false;
        }

        var scope = match.Groups["scope"].Value;
        var signedHeaders = match.Groups["headers"].Value.Split(';');
        var amzDate = request.Header("X-Amz-Date") ?? string.Empty;
        var bodyHash = Hex(SHA256.HashData(request.Body));
        var payloadHash = request.Header("X-Amz-Content-SHA256") ?? bodyHash;
        if (payloadHash != bodyHash)
        {
            return false;
        }

        var canonical = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(string.IsNullOrEmpty(request.Uri.AbsolutePath) ? "/" : request.Uri.AbsolutePath).Append('\n')
            .Append(CanonicalQuery(request.Uri.Query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var value = name == "host" ? request.Uri.Authority : request.Header(name) ?? string.Empty;
            canonical.Append(name).Append(':').Append(Whitespace().Replace(value.Trim(), " ")).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);

        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var parts = scope.Split('/');
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in parts)
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return signature == match.Groups["signature"].Value
            && amzDate.StartsWith(parts[0], StringComparison.Ordinal);
    }

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(kv => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(kv[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : string.Empty))))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={kv.Value}"));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=[^/]+/(?<scope>[^,]+), SignedHeaders=(?<headers>[^,]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
