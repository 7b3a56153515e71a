using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Auth;

/// <summary>The parts of a SigV4 <c>Authorization</c> header (or of a presigned URL's query).</summary>
public sealed record SigV4Authorization(
    string AccessKeyId,
    string ScopeDate,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature,
    bool Presigned)
{
    public string Scope => $"{ScopeDate}/{Region}/{Service}/aws4_request";

    /// <summary>Parses the request's authorization; null when the request carries none.</summary>
    /// <exception cref="FormatException">The header is present but malformed.</exception>
    public static SigV4Authorization? Parse(WireRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Header("authorization");
        if (header is not null)
        {
            const string Algorithm = "AWS4-HMAC-SHA256";
            if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            {
                throw new FormatException("Authorization header requires the AWS4-HMAC-SHA256 algorithm.");
            }

            var parts = header[Algorithm.Length..]
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Split('=', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            if (!parts.TryGetValue("Credential", out var credential)
                || !parts.TryGetValue("SignedHeaders", out var signedHeaders)
                || !parts.TryGetValue("Signature", out var signature))
            {
                throw new FormatException("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
            }

            return FromCredential(credential, signedHeaders, signature, presigned: false);
        }

        var queryCredential = request.QueryValue("X-Amz-Credential");
        if (queryCredential is null)
        {
            return null;
        }

        return FromCredential(
            queryCredential,
            request.QueryValue("X-Amz-SignedHeaders") ?? throw new FormatException("X-Amz-SignedHeaders is missing."),
            request.QueryValue("X-Amz-Signature") ?? throw new FormatException("X-Amz-Signature is missing."),
            presigned: true);
    }

    private static SigV4Authorization FromCredential(string credential, string signedHeaders, string signature, bool presigned)
    {
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request" || scope[1].Length != 8)
        {
            throw new FormatException($"Credential should be scoped to a valid date, region and service: '{credential}'.");
        }

        return new SigV4Authorization(
            scope[0],
            scope[1],
            scope[2],
            scope[3],
            signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries),
            signature,
            presigned);
    }
}
