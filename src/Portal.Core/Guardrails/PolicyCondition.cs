namespace Portal.Core.Guardrails;

/// <summary>One key test of an IAM policy condition block, e.g. <c>ForAllValues:StringEqualsIfExists sagemaker:VpcSubnets</c>.</summary>
internal sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values)
{
    /// <summary>The operator without set prefix and IfExists suffix, e.g. <c>StringEquals</c>.</summary>
    public string BaseOperator
    {
        get
        {
            var op = Operator;
            var colon = op.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                op = op[(colon + 1)..];
            }

            return op.EndsWith("IfExists", StringComparison.Ordinal) ? op[..^"IfExists".Length] : op;
        }
    }

    public bool IsIfExists => Operator.EndsWith("IfExists", StringComparison.Ordinal);

    public bool IsForAllValues => Operator.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase);

    public bool IsNegated => BaseOperator.Contains("Not", StringComparison.Ordinal);

    public bool Is(string key) => string.Equals(Key, key, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the test fails for a request that lacks the key, so an Allow with it requires the key.</summary>
    public bool RequiresPresence =>
        BaseOperator == "Null"
            ? Values.All(v => v.Equals("false", StringComparison.OrdinalIgnoreCase))
            : !IsIfExists && !IsForAllValues && !IsNegated;
}
