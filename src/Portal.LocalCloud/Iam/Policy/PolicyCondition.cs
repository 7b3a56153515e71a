namespace Portal.LocalCloud.Iam.Policy;

/// <summary>One key under one operator of a Condition block, e.g. <c>ForAllValues:StringEqualsIfExists</c> / <c>sagemaker:VpcSubnets</c>.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values)
{
    /// <summary><c>ForAllValues</c>, <c>ForAnyValue</c> or null.</summary>
    public string? SetOperator => Operator.Contains(':', StringComparison.Ordinal) ? Operator[..Operator.IndexOf(':', StringComparison.Ordinal)] : null;

    /// <summary>The operator without set prefix and <c>IfExists</c> suffix.</summary>
    public string BaseOperator
    {
        get
        {
            var name = SetOperator is null ? Operator : Operator[(Operator.IndexOf(':', StringComparison.Ordinal) + 1)..];
            return IfExists ? name[..^"IfExists".Length] : name;
        }
    }

    public bool IfExists => Operator.EndsWith("IfExists", StringComparison.Ordinal);
}
