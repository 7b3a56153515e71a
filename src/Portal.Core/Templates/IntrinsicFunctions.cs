namespace Portal.Core.Templates;

/// <summary>The intrinsic function names CloudFormation understands, in long and short (YAML tag) form.</summary>
public static class IntrinsicFunctions
{
    public const string Ref = "Ref";
    public const string Condition = "Condition";
    public const string GetAtt = "Fn::GetAtt";
    public const string Sub = "Fn::Sub";
    public const string Join = "Fn::Join";
    public const string Select = "Fn::Select";
    public const string Split = "Fn::Split";
    public const string If = "Fn::If";
    public const string EqualsFn = "Fn::Equals";
    public const string And = "Fn::And";
    public const string Or = "Fn::Or";
    public const string Not = "Fn::Not";
    public const string FindInMap = "Fn::FindInMap";
    public const string GetAZs = "Fn::GetAZs";
    public const string ImportValue = "Fn::ImportValue";
    public const string Base64 = "Fn::Base64";
    public const string Cidr = "Fn::Cidr";
    public const string Transform = "Fn::Transform";
    public const string Contains = "Fn::Contains";
    public const string EachMemberEquals = "Fn::EachMemberEquals";
    public const string EachMemberIn = "Fn::EachMemberIn";
    public const string RefAll = "Fn::RefAll";
    public const string ValueOf = "Fn::ValueOf";
    public const string ValueOfAll = "Fn::ValueOfAll";
    public const string Length = "Fn::Length";
    public const string ToJsonString = "Fn::ToJsonString";

    /// <summary>Every long name.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Ref, Condition, GetAtt, Sub, Join, Select, Split, If, EqualsFn, And, Or, Not, FindInMap, GetAZs, ImportValue,
        Base64, Cidr, Transform, Contains, EachMemberEquals, EachMemberIn, RefAll, ValueOf, ValueOfAll, Length, ToJsonString,
    };

    /// <summary>Functions only valid inside the <c>Rules</c> section.</summary>
    public static IReadOnlySet<string> RuleOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Contains, EachMemberEquals, EachMemberIn, RefAll, ValueOf, ValueOfAll,
    };

    /// <summary>Maps a YAML short-form tag (<c>!GetAtt</c>) to the long name, or null when the tag is not a function.</summary>
    public static string? FromTag(string tag)
    {
        if (!tag.StartsWith('!') || tag.StartsWith("!!", StringComparison.Ordinal))
        {
            return null;
        }

        var name = tag[1..];
        if (name is Ref or Condition)
        {
            return name;
        }

        var longName = "Fn::" + name;
        return All.Contains(longName) ? longName : null;
    }

    /// <summary>The short form for messages: <c>!GetAtt</c>.</summary>
    public static string ShortName(string function) => "!" + (function.StartsWith("Fn::", StringComparison.Ordinal) ? function[4..] : function);
}
