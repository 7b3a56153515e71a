using System.Text;
using System.Text.RegularExpressions;

namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// Wildcard patterns (<c>*</c> any run, <c>?</c> one character) with optional policy-variable substitution
/// (<c>${aws:userid}</c>, <c>${aws:PrincipalTag/team, 'default'}</c>, escapes <c>${*}</c> <c>${?}</c> <c>${$}</c>).
/// Substituted text is literal.
/// </summary>
internal static class PolicyPattern
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Builds a regex; null when a variable cannot be resolved (the value then matches nothing).</summary>
    public static Regex? Compile(string pattern, bool wildcards, bool ignoreCase, RequestContext? variables)
    {
        var builder = new StringBuilder("^");
        var index = 0;
        while (index < pattern.Length)
        {
            var c = pattern[index];
            if (variables is not null && c == '$' && index + 1 < pattern.Length && pattern[index + 1] == '{')
            {
                var end = pattern.IndexOf('}', index);
                if (end > 0)
                {
                    var resolved = Resolve(pattern[(index + 2)..end], variables);
                    if (resolved is null)
                    {
                        return null;
                    }

                    builder.Append(Regex.Escape(resolved));
                    index = end + 1;
                    continue;
                }
            }

            builder.Append(wildcards && c == '*' ? ".*" : wildcards && c == '?' ? "." : Regex.Escape(c.ToString()));
            index++;
        }

        builder.Append('$');
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Regex(builder.ToString(), options, Timeout);
    }

    public static bool Matches(string pattern, string value, bool wildcards, bool ignoreCase, RequestContext? variables) =>
        Compile(pattern, wildcards, ignoreCase, variables)?.IsMatch(value) ?? false;

    /// <summary>Keys referenced as <c>${key}</c> in <paramref name="text"/>.</summary>
    public static IEnumerable<string> VariableKeys(string text)
    {
        var index = 0;
        while ((index = text.IndexOf("${", index, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', index);
            if (end < 0)
            {
                yield break;
            }

            var inner = text[(index + 2)..end];
            if (inner is not ("*" or "?" or "$"))
            {
                yield return inner.Split(',')[0].Trim();
            }

            index = end + 1;
        }
    }

    private static string? Resolve(string inner, RequestContext context)
    {
        if (inner is "*" or "?" or "$")
        {
            return inner;
        }

        var comma = inner.IndexOf(',', StringComparison.Ordinal);
        var key = (comma < 0 ? inner : inner[..comma]).Trim();
        var value = context[key];
        if (value is { IsMultiValued: false, Values.Count: 1 })
        {
            return value.Values[0];
        }

        if (comma >= 0)
        {
            var fallback = inner[(comma + 1)..].Trim();
            return fallback.Length >= 2 && fallback[0] == '\'' && fallback[^1] == '\'' ? fallback[1..^1] : fallback;
        }

        return null;
    }
}
