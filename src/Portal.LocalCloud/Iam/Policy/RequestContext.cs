using System.Globalization;

namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// The condition context keys of a request. Key names are case-insensitive. A key that is absent is different from a
/// key with an empty value; multivalued keys (<c>sagemaker:VpcSubnets</c>, <c>aws:TagKeys</c>) need set operators.
/// </summary>
public sealed class RequestContext
{
    private readonly Dictionary<string, ContextValue> _values = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, ContextValue> Values => _values;

    public ContextValue? this[string key] => _values.TryGetValue(key, out var value) ? value : null;

    public bool Contains(string key) => _values.ContainsKey(key);

    public RequestContext Set(string key, string value)
    {
        _values[key] = new ContextValue([value], IsMultiValued: false);
        return this;
    }

    public RequestContext Set(string key, bool value) => Set(key, value ? "true" : "false");

    public RequestContext Set(string key, decimal value) => Set(key, value.ToString(CultureInfo.InvariantCulture));

    public RequestContext SetList(string key, IEnumerable<string> values)
    {
        _values[key] = new ContextValue(values.ToList(), IsMultiValued: true);
        return this;
    }

    /// <summary>A role session's tags (<c>aws:PrincipalTag/*</c>) and <c>aws:SourceIdentity</c>, when it has them.</summary>
    public RequestContext WithSession(IReadOnlyDictionary<string, string> sessionTags, string? sourceIdentity)
    {
        ArgumentNullException.ThrowIfNull(sessionTags);
        foreach (var (key, value) in sessionTags)
        {
            Set("aws:PrincipalTag/" + key, value);
        }

        return sourceIdentity is null ? this : Set("aws:SourceIdentity", sourceIdentity);
    }

    /// <summary>
    /// The global keys of an assumed-role session (iam-evaluation.md §2.4): <c>aws:userid</c> = RoleId:Session,
    /// <c>aws:PrincipalArn</c> = the role ARN, <c>aws:PrincipalType</c> = AssumedRole, plus time, TLS and Region keys.
    /// <c>aws:username</c> is absent for role sessions.
    /// </summary>
    public static RequestContext ForAssumedRoleSession(
        string accountId, string roleArn, string roleId, string sessionName, string region, DateTimeOffset now, string? sourceIp = null)
    {
        var context = new RequestContext()
            .Set("aws:userid", $"{roleId}:{sessionName}")
            .Set("aws:PrincipalArn", roleArn)
            .Set("aws:PrincipalType", "AssumedRole")
            .Set("aws:PrincipalAccount", accountId)
            .Set("aws:CurrentTime", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
            .Set("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .Set("aws:TokenIssueTime", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
            .Set("aws:SecureTransport", true)
            .Set("aws:MultiFactorAuthPresent", false)
            .Set("aws:RequestedRegion", region);
        if (sourceIp is not null)
        {
            context.Set("aws:SourceIp", sourceIp);
        }

        return context;
    }
}
