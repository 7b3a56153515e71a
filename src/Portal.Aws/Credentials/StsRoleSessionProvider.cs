using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Microsoft.Extensions.Options;
using Portal.Aws.Configuration;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Credentials;

/// <summary>
/// Assumes persona roles per (role, user, session tags) with SourceIdentity = the user's login, and reuses each
/// session until five minutes before it expires. Concurrent callers for the same key share one AssumeRole call.
/// </summary>
internal sealed partial class StsRoleSessionProvider : IRoleSessionProvider, IAwsCredentialSource
{
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly IStsClient _sts;
    private readonly PortalCredentials _portal;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<AwsOptions> _options;
    private readonly ConcurrentDictionary<string, CachedSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public StsRoleSessionProvider(IStsClient sts, PortalCredentials portal, TimeProvider time, IOptionsMonitor<AwsOptions> options)
    {
        _sts = sts;
        _portal = portal;
        _time = time;
        _options = options;
    }

    public async Task<Result<RoleSession>> GetSessionAsync(ActingIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.RoleArn is null)
        {
            return Error.Validation("NoRole", "The portal's own identity has no role session.", nameof(identity));
        }

        var session = await GetCachedAsync(identity, cancellationToken).ConfigureAwait(false);
        return session.Map(s => s.Session);
    }

    public async Task<Result<AWSCredentials>> GetCredentialsAsync(ActingIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.RoleArn is null)
        {
            return _portal.Get();
        }

        var session = await GetCachedAsync(identity, cancellationToken).ConfigureAwait(false);
        return session.Map(s => s.Credentials);
    }

    private async Task<Result<CachedSession>> GetCachedAsync(ActingIdentity identity, CancellationToken cancellationToken)
    {
        var key = CacheKey(identity);
        if (_sessions.TryGetValue(key, out var cached) && IsFresh(cached))
        {
            return cached;
        }

        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sessions.TryGetValue(key, out cached) && IsFresh(cached))
            {
                return cached;
            }

            var input = new AssumeRoleInput(
                identity.RoleArn!,
                SessionName(identity.UserLogin),
                identity.UserLogin,
                identity.SessionTags,
                _options.CurrentValue.RoleSessionDurationSeconds);
            var assumed = await _sts.AssumeRoleAsync(input, cancellationToken).ConfigureAwait(false);
            if (!assumed.IsSuccess)
            {
                return assumed.Error!;
            }

            var role = assumed.Value;
            var fresh = new CachedSession(
                new SessionAWSCredentials(role.AccessKeyId, role.SecretAccessKey, role.SessionToken),
                new RoleSession(identity.RoleArn!, role.AssumedRoleArn, role.SourceIdentity ?? identity.UserLogin, role.Expiration));
            _sessions[key] = fresh;
            ForgetExpired();
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    private void ForgetExpired()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, session) in _sessions)
        {
            if (session.Session.ExpiresAt <= now)
            {
                _sessions.TryRemove(key, out _);
            }
        }
    }

    private bool IsFresh(CachedSession session) => _time.GetUtcNow() < session.Session.ExpiresAt - RefreshBeforeExpiry;

    private static string CacheKey(ActingIdentity identity)
    {
        var key = new StringBuilder(identity.RoleArn).Append('\n').Append(identity.UserLogin);
        foreach (var tag in identity.SessionTags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            key.Append('\n').Append(tag.Key).Append('=').Append(tag.Value);
        }

        return key.ToString();
    }

    /// <summary>"portal-" + the login, limited to the characters and 64-character length a session name allows.</summary>
    internal static string SessionName(string login)
    {
        var name = "portal-" + SessionNameInvalid().Replace(login, "_");
        return name.Length <= 64 ? name : name[..64];
    }

    [GeneratedRegex(@"[^\w+=,.@-]")]
    private static partial Regex SessionNameInvalid();

    private sealed record CachedSession(AWSCredentials Credentials, RoleSession Session);
}
