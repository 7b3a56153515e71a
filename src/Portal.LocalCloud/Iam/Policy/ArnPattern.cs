namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// ARN matching. Resources: the first five colon-separated parts (arn, partition, service, region, account) are
/// matched one by one (case-insensitively), the rest as one case-sensitive string in which <c>*</c> crosses
/// <c>/</c> and <c>:</c>. Arn* condition operators: every colon-separated part is matched separately, so a value
/// with extra colons does not match.
/// </summary>
internal static class ArnPattern
{
    public static bool MatchesResource(string pattern, string arn, RequestContext? variables)
    {
        if (pattern == "*")
        {
            return true;
        }

        var patternParts = pattern.Split(':', 6);
        var arnParts = arn.Split(':', 6);
        if (patternParts.Length != 6 || arnParts.Length != 6)
        {
            return false;
        }

        for (var i = 0; i < 5; i++)
        {
            if (!PolicyPattern.Matches(patternParts[i], arnParts[i], wildcards: true, ignoreCase: true, variables: null))
            {
                return false;
            }
        }

        return PolicyPattern.Matches(patternParts[5], arnParts[5], wildcards: true, ignoreCase: false, variables);
    }

    public static bool MatchesCondition(string pattern, string arn, RequestContext? variables)
    {
        var patternParts = pattern.Split(':');
        var arnParts = arn.Split(':');
        if (patternParts.Length < 6 || patternParts.Length != arnParts.Length)
        {
            return false;
        }

        return patternParts.Zip(arnParts).All(pair => PolicyPattern.Matches(pair.First, pair.Second, wildcards: true, ignoreCase: false, variables));
    }
}
