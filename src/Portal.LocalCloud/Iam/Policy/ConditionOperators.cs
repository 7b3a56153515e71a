using System.Globalization;
using System.Net;

namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// IAM condition operators (iam-evaluation.md §3): String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress/NotIpAddress,
/// Arn*, Null, the <c>…IfExists</c> suffix and the <c>ForAllValues:</c>/<c>ForAnyValue:</c> set operators, with the
/// missing-key table of §3.3.
/// </summary>
public static class ConditionOperators
{
    private static readonly HashSet<string> Positive =
    [
        "StringEquals", "StringEqualsIgnoreCase", "StringLike", "NumericEquals", "NumericLessThan", "NumericLessThanEquals",
        "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
        "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress", "ArnEquals", "ArnLike",
    ];

    private static readonly Dictionary<string, string> Negated = new(StringComparer.Ordinal)
    {
        ["StringNotEquals"] = "StringEquals",
        ["StringNotEqualsIgnoreCase"] = "StringEqualsIgnoreCase",
        ["StringNotLike"] = "StringLike",
        ["NumericNotEquals"] = "NumericEquals",
        ["DateNotEquals"] = "DateEquals",
        ["NotIpAddress"] = "IpAddress",
        ["ArnNotEquals"] = "ArnEquals",
        ["ArnNotLike"] = "ArnLike",
    };

    /// <summary>Every operator name this evaluator accepts, without prefix or suffix.</summary>
    public static IReadOnlyCollection<string> BaseOperators => [.. Positive, .. Negated.Keys, "Null"];

    public static bool IsKnown(string op)
    {
        var condition = new PolicyCondition(op, "x:y", []);
        if (condition.SetOperator is not (null or "ForAllValues" or "ForAnyValue"))
        {
            return false;
        }

        var baseOp = condition.BaseOperator;
        return baseOp == "Null" ? !condition.IfExists : Positive.Contains(baseOp) || Negated.ContainsKey(baseOp);
    }

    /// <summary>Evaluates one condition against the request context; <paramref name="variablesEnabled"/> for Version 2012-10-17.</summary>
    public static bool Evaluate(PolicyCondition condition, RequestContext context, bool variablesEnabled)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(context);
        var value = context[condition.Key];
        var present = value is { Values.Count: > 0 };
        var baseOp = condition.BaseOperator;

        if (baseOp == "Null")
        {
            return condition.Values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) ? !present : present);
        }

        var negated = Negated.TryGetValue(baseOp, out var positiveOp);
        var op = positiveOp ?? baseOp;
        var variables = variablesEnabled && (op.StartsWith("String", StringComparison.Ordinal) || op.StartsWith("Arn", StringComparison.Ordinal))
            ? context
            : null;

        bool Satisfies(string requestValue)
        {
            var any = condition.Values.Any(policyValue => Match(op, requestValue, policyValue, variables));
            return negated ? !any : any;
        }

        switch (condition.SetOperator)
        {
            case "ForAllValues":
                return !present || value!.Values.All(Satisfies);
            case "ForAnyValue":
                return present ? value!.Values.Any(Satisfies) : condition.IfExists;
            default:
                if (!present)
                {
                    return condition.IfExists || negated;
                }

                if (value!.IsMultiValued)
                {
                    return false;
                }

                return Satisfies(value.Values[0]);
        }
    }

    private static bool Match(string op, string requestValue, string policyValue, RequestContext? variables) => op switch
    {
        "StringEquals" => PolicyPattern.Matches(policyValue, requestValue, wildcards: false, ignoreCase: false, variables),
        "StringEqualsIgnoreCase" => PolicyPattern.Matches(policyValue, requestValue, wildcards: false, ignoreCase: true, variables),
        "StringLike" => PolicyPattern.Matches(policyValue, requestValue, wildcards: true, ignoreCase: false, variables),
        "Bool" => string.Equals(requestValue, policyValue, StringComparison.OrdinalIgnoreCase),
        "ArnEquals" or "ArnLike" => ArnPattern.MatchesCondition(policyValue, requestValue, variables),
        "BinaryEquals" => Base64Equals(requestValue, policyValue),
        "IpAddress" => InRange(requestValue, policyValue),
        _ when op.StartsWith("Numeric", StringComparison.Ordinal) => Compare(op["Numeric".Length..], ParseNumber(requestValue), ParseNumber(policyValue)),
        _ when op.StartsWith("Date", StringComparison.Ordinal) => Compare(op["Date".Length..], ParseDate(requestValue), ParseDate(policyValue)),
        _ => false,
    };

    private static bool Compare<T>(string relation, T? left, T? right)
        where T : struct, IComparable<T>
    {
        if (left is not { } l || right is not { } r)
        {
            return false;
        }

        var order = l.CompareTo(r);
        return relation switch
        {
            "Equals" => order == 0,
            "LessThan" => order < 0,
            "LessThanEquals" => order <= 0,
            "GreaterThan" => order > 0,
            "GreaterThanEquals" => order >= 0,
            _ => false,
        };
    }

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateTimeOffset? ParseDate(string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    private static bool Base64Equals(string requestValue, string policyValue)
    {
        try
        {
            return Convert.FromBase64String(requestValue).AsSpan().SequenceEqual(Convert.FromBase64String(policyValue));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool InRange(string address, string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(address, out var ip) || !IPAddress.TryParse(slash < 0 ? cidr : cidr[..slash], out var network))
        {
            return false;
        }

        var ipBytes = ip.GetAddressBytes();
        var networkBytes = network.GetAddressBytes();
        if (ipBytes.Length != networkBytes.Length)
        {
            return false;
        }

        var prefix = slash < 0 ? ipBytes.Length * 8
            : int.TryParse(cidr[(slash + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : -1;
        if (prefix < 0 || prefix > ipBytes.Length * 8)
        {
            return false;
        }

        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((ipBytes[bit / 8] & mask) != (networkBytes[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
