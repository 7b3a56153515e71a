using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>Helpers over the JSON tree every template is parsed into.</summary>
public static class TemplateValues
{
    private static readonly JsonSerializerOptions CompactJson = new() { WriteIndented = false };

    /// <summary>The value <c>Ref: AWS::NoValue</c> evaluates to; removed from objects and lists.</summary>
    internal static JsonValue NoValue { get; } = JsonValue.Create("::AWS::NoValue::");

    internal static bool IsNoValue(JsonNode? node) => ReferenceEquals(node, NoValue);

    /// <summary>The scalar's text as CloudFormation sees it (numbers and booleans become strings); null for objects, lists and null.</summary>
    public static string? AsString(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => NumberText(value),
            _ => null,
        };
    }

    /// <summary>A list's items as strings; a scalar comma-separated string is split (CommaDelimitedList semantics).</summary>
    public static IReadOnlyList<string> AsStringList(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(item => AsString(item) ?? string.Empty).ToList(),
        JsonValue => [AsString(node) ?? string.Empty],
        _ => [],
    };

    /// <summary>Canonical compact JSON, used for equality and for event <c>ResourceProperties</c>.</summary>
    public static string ToJson(JsonNode? node) => node is null ? "null" : node.ToJsonString(CompactJson);

    /// <summary>Structural equality where scalars compare by their CloudFormation string form.</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (JsonObject l, JsonObject r):
                return l.Count == r.Count && l.All(p => r.TryGetPropertyValue(p.Key, out var other) && DeepEquals(p.Value, other));
            case (JsonArray l, JsonArray r):
                return l.Count == r.Count && l.Zip(r).All(pair => DeepEquals(pair.First, pair.Second));
            case (JsonValue, JsonValue):
                return AsString(left) == AsString(right);
            default:
                return false;
        }
    }

    internal static JsonArray ToArray(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    private static string NumberText(JsonValue value)
    {
        if (value.TryGetValue<decimal>(out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        if (value.TryGetValue<double>(out var real))
        {
            return real.ToString(CultureInfo.InvariantCulture);
        }

        return value.ToJsonString();
    }
}
