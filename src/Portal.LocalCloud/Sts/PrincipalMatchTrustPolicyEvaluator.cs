using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.LocalCloud.Auth;

namespace Portal.LocalCloud.Sts;

/// <summary>
/// A simple trust-policy check: an Allow statement whose Action matches and whose <c>Principal.AWS</c>
/// names <c>*</c>, the caller's account (id or <c>:root</c> ARN), the caller's role ARN or its ARN;
/// a matching Deny wins. Conditions are not evaluated.
/// </summary>
public sealed class PrincipalMatchTrustPolicyEvaluator : ITrustPolicyEvaluator
{
    public bool Allows(string trustPolicyDocument, CallerIdentity caller, string action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var document = JsonDocument.Parse(trustPolicyDocument);
        if (!document.RootElement.TryGetProperty("Statement", out var statements))
        {
            return false;
        }

        var allowed = false;
        foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements])
        {
            if (!ActionMatches(statement, action) || !PrincipalMatches(statement, caller))
            {
                continue;
            }

            var effect = statement.TryGetProperty("Effect", out var e) ? e.GetString() : null;
            if (effect == "Deny")
            {
                return false;
            }

            allowed |= effect == "Allow";
        }

        return allowed;
    }

    private static bool ActionMatches(JsonElement statement, string action)
    {
        if (!statement.TryGetProperty("Action", out var actions))
        {
            return false;
        }

        return Strings(actions).Any(pattern => Wildcard(pattern, action));
    }

    private static bool PrincipalMatches(JsonElement statement, CallerIdentity caller)
    {
        if (!statement.TryGetProperty("Principal", out var principal))
        {
            return false;
        }

        if (principal.ValueKind == JsonValueKind.String)
        {
            return principal.GetString() == "*";
        }

        if (principal.ValueKind != JsonValueKind.Object || !principal.TryGetProperty("AWS", out var aws))
        {
            return false;
        }

        return Strings(aws).Any(p =>
            p == "*"
            || p == caller.AccountId
            || p == $"arn:aws:iam::{caller.AccountId}:root"
            || p == caller.Arn
            || (caller.RoleArn is not null && p == caller.RoleArn));
    }

    private static IEnumerable<string> Strings(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.String => [element.GetString()!],
            JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            _ => [],
        };

    private static bool Wildcard(string pattern, string value) =>
        Regex.IsMatch(
            value,
            "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
}
