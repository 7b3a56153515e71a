namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// Wildcard patterns (<c>*</c> any run, <c>?</c> one character) with optional policy-variable substitution
/// (<c>${aws:userid}</c>, <c>${aws:PrincipalTag/team, 'default'}</c>, escapes <c>${*}</c> <c>${?}</c> <c>${$}</c>).
/// Substituted text is literal. Matching is a linear-time glob walk (no regular expressions, no timeouts).
/// </summary>
internal static class PolicyPattern
{
    /// <summary>True when <paramref name="value"/> matches; false also when a variable cannot be resolved.</summary>
    public static bool Matches(string pattern, string value, bool wildcards, bool ignoreCase, RequestContext? variables)
    {
        var tokens = Tokenize(pattern, wildcards, variables);
        return tokens is not null && Glob(tokens, value, ignoreCase);
    }

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

    /// <summary>The pattern as characters, each flagged when it is a wildcard; null when a variable is unresolvable.</summary>
    private static List<(char Char, bool Wild)>? Tokenize(string pattern, bool wildcards, RequestContext? variables)
    {
        var tokens = new List<(char, bool)>(pattern.Length);
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

                    tokens.AddRange(resolved.Select(r => (r, false)));
                    index = end + 1;
                    continue;
                }
            }

            tokens.Add((c, wildcards && c is '*' or '?'));
            index++;
        }

        return tokens;
    }

    private static bool Glob(List<(char Char, bool Wild)> pattern, string value, bool ignoreCase)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Count && !(pattern[p].Wild && pattern[p].Char == '*')
                && ((pattern[p].Wild && pattern[p].Char == '?') || Same(pattern[p].Char, value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Count && pattern[p].Wild && pattern[p].Char == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Count && pattern[p].Wild && pattern[p].Char == '*')
        {
            p++;
        }

        return p == pattern.Count;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

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
