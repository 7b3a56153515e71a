using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>One entry of a template's <c>Parameters</c> section.</summary>
public sealed record ParameterDeclaration(
    string Name,
    string Type,
    string? Default,
    IReadOnlyList<string>? AllowedValues,
    string? AllowedPattern,
    int? MinLength,
    int? MaxLength,
    decimal? MinValue,
    decimal? MaxValue,
    bool NoEcho,
    string? Description,
    string? ConstraintDescription)
{
    /// <summary>True for <c>List&lt;…&gt;</c> and <c>CommaDelimitedList</c> types (Ref returns a list).</summary>
    public bool IsList => EffectiveType.StartsWith("List<", StringComparison.Ordinal)
        || EffectiveType == "CommaDelimitedList";

    /// <summary>The value type after unwrapping <c>AWS::SSM::Parameter::Value&lt;…&gt;</c>.</summary>
    public string EffectiveType => IsSsm ? Type["AWS::SSM::Parameter::Value<".Length..^1] : Type;

    /// <summary>True when the supplied value is an SSM parameter name resolved at stack operation time.</summary>
    public bool IsSsm => Type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal) && Type.EndsWith('>');

    internal static ParameterDeclaration FromNode(string name, JsonObject node)
    {
        var type = TemplateValues.AsString(node["Type"])
            ?? throw CloudFormationException.Validation($"Template format error: Every Parameters object must contain a Type member.");
        if (!IsKnownType(type))
        {
            throw CloudFormationException.Validation($"Template format error: Unrecognized parameter type: {type}");
        }

        var allowed = node["AllowedValues"] is JsonArray values
            ? values.Select(v => TemplateValues.AsString(v) ?? string.Empty).ToList()
            : null;
        return new ParameterDeclaration(
            name,
            type,
            node["Default"] is JsonArray defaults
                ? string.Join(',', defaults.Select(d => TemplateValues.AsString(d)))
                : TemplateValues.AsString(node["Default"]),
            allowed,
            TemplateValues.AsString(node["AllowedPattern"]),
            ReadNumber<int>(node, "MinLength"),
            ReadNumber<int>(node, "MaxLength"),
            ReadNumber<decimal>(node, "MinValue"),
            ReadNumber<decimal>(node, "MaxValue"),
            string.Equals(TemplateValues.AsString(node["NoEcho"]), "true", StringComparison.OrdinalIgnoreCase),
            TemplateValues.AsString(node["Description"]),
            TemplateValues.AsString(node["ConstraintDescription"]));
    }

    private static bool IsKnownType(string type)
    {
        if (type is "String" or "Number" or "List<Number>" or "CommaDelimitedList")
        {
            return true;
        }

        if (type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal) && type.EndsWith('>'))
        {
            return true;
        }

        if (type.StartsWith("AWS::SSM::Parameter::Name", StringComparison.Ordinal))
        {
            return true;
        }

        var inner = type.StartsWith("List<", StringComparison.Ordinal) && type.EndsWith('>') ? type[5..^1] : type;
        return inner.StartsWith("AWS::EC2::", StringComparison.Ordinal) || inner.StartsWith("AWS::Route53::", StringComparison.Ordinal);
    }

    private static T? ReadNumber<T>(JsonObject node, string name)
        where T : struct, System.Numerics.INumber<T>
    {
        var text = TemplateValues.AsString(node[name]);
        if (text is null)
        {
            return null;
        }

        return T.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CloudFormationException.Validation($"Template format error: {name} must be a number, found {text}");
    }
}
