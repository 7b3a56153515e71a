using System.Globalization;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Auth;

/// <summary>
/// Finds the secret for the request's access key (configured long-term keys, or temporary credentials
/// issued by LocalCloud's STS with their session token) and verifies the SigV4 signature.
/// </summary>
public sealed class RequestAuthenticator
{
    public const string DefaultAccessKeyId = "test";
    public const string DefaultAccountId = "000000000000";

    private readonly Dictionary<string, LocalCloudCredential> _keys = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxSkew;

    public RequestAuthenticator(LocalCloudOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _maxSkew = TimeSpan.FromMinutes(options.MaxClockSkewMinutes);
        _keys[DefaultAccessKeyId] = new LocalCloudCredential { AccessKeyId = DefaultAccessKeyId, SecretAccessKey = "test", AccountId = DefaultAccountId };
        foreach (var key in options.Credentials)
        {
            _keys[key.AccessKeyId] = key;
        }
    }

    /// <summary>Authenticates the request; the caller must hold the state gate (sessions live in the state).</summary>
    public CallerIdentity Authenticate(WireRequest request, SigV4Authorization? auth, WireProtocol protocol, CloudState state)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        if (auth is null)
        {
            throw AuthErrors.For(protocol, AuthFailure.Missing, string.Empty);
        }

        var amzDate = request.Header("x-amz-date") ?? request.QueryValue("X-Amz-Date");
        if (amzDate is null && request.Header("date") is { } httpDate
            && DateTimeOffset.TryParse(httpDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedHttpDate))
        {
            amzDate = parsedHttpDate.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }

        if (amzDate is null || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw AuthErrors.For(protocol, AuthFailure.Malformed, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (!amzDate.StartsWith(auth.ScopeDate, StringComparison.Ordinal))
        {
            throw AuthErrors.For(protocol, AuthFailure.Malformed, $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{auth.ScopeDate}' != '{amzDate[..8]}'.");
        }

        var now = _time.GetUtcNow();
        if (auth.Presigned)
        {
            var expires = int.TryParse(request.QueryValue("X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : 0;
            if (now > signedAt.AddSeconds(expires) || signedAt - now > _maxSkew)
            {
                throw AuthErrors.For(protocol, AuthFailure.ClockSkew, "Request has expired");
            }
        }
        else if ((now - signedAt).Duration() > _maxSkew)
        {
            throw AuthErrors.For(protocol, AuthFailure.ClockSkew, $"Signature expired: {amzDate} is now earlier than {now.Add(-_maxSkew).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.");
        }

        string secret;
        CallerIdentity identity;
        if (_keys.TryGetValue(auth.AccessKeyId, out var key))
        {
            secret = key.SecretAccessKey;
            identity = key.UserName is null
                ? CallerIdentity.Root(key.AccountId, key.AccessKeyId)
                : new CallerIdentity
                {
                    AccountId = key.AccountId,
                    Arn = $"arn:aws:iam::{key.AccountId}:user/{key.UserName}",
                    UserId = "AIDA" + key.AccessKeyId.ToUpperInvariant().PadRight(17, 'X')[..17],
                    AccessKeyId = key.AccessKeyId,
                };
        }
        else if (state.Sessions.TryGetValue(auth.AccessKeyId, out var session))
        {
            var token = request.Header("x-amz-security-token") ?? request.QueryValue("X-Amz-Security-Token");
            if (token != session.SessionToken)
            {
                throw AuthErrors.For(protocol, AuthFailure.UnknownKey, string.Empty);
            }

            if (session.Expiration <= now)
            {
                throw AuthErrors.For(protocol, AuthFailure.ExpiredToken, string.Empty);
            }

            secret = session.SecretAccessKey;
            identity = new CallerIdentity
            {
                AccountId = session.AccountId,
                Arn = session.AssumedRoleArn,
                UserId = $"{session.RoleId}:{session.SessionName}",
                AccessKeyId = session.AccessKeyId,
                RoleArn = session.RoleArn,
                RoleName = session.RoleName,
                SessionName = session.SessionName,
                SourceIdentity = session.SourceIdentity,
                SessionTags = session.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
                TransitiveTagKeys = session.TransitiveTagKeys,
            };
        }
        else
        {
            throw AuthErrors.For(protocol, AuthFailure.UnknownKey, string.Empty);
        }

        var expected = SigV4Verifier.ComputeSignature(request, auth, secret, amzDate);
        if (!SigV4Verifier.SignatureMatches(expected, auth.Signature))
        {
            throw AuthErrors.For(protocol, AuthFailure.BadSignature, string.Empty);
        }

        var declaredHash = request.Header("x-amz-content-sha256");
        if (declaredHash is not null && declaredHash != "UNSIGNED-PAYLOAD" && !declaredHash.StartsWith("STREAMING-", StringComparison.Ordinal)
            && !string.Equals(declaredHash, SigV4Verifier.Hex(System.Security.Cryptography.SHA256.HashData(request.RawBody)), StringComparison.OrdinalIgnoreCase))
        {
            throw protocol == WireProtocol.RestXml
                ? new ServiceException("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.")
                : AuthErrors.For(protocol, AuthFailure.BadSignature, string.Empty);
        }

        return identity;
    }
}
