using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Reads a YAML template into the same JSON tree a JSON template gives, expanding CloudFormation's
/// short-form tags (<c>!Ref X</c> → <c>{"Ref": "X"}</c>, <c>!GetAtt A.B</c> → <c>{"Fn::GetAtt": ["A", "B"]}</c>).
/// </summary>
internal static partial class YamlTemplateReader
{
    private const int MaxDepth = 64;

    /// <summary>Bounds alias expansion: a 1 MB template never needs more nodes than this.</summary>
    private const int MaxNodes = 500_000;

    public static JsonNode? Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw CloudFormationException.Validation(
                $"Template format error: YAML not well-formed. (line {ex.Start.Line}, column {ex.Start.Column})");
        }

        if (stream.Documents.Count == 0)
        {
            throw CloudFormationException.Validation("Template format error: YAML not well-formed.");
        }

        var budget = new NodeBudget();
        return Convert(stream.Documents[0].RootNode, 0, budget);
    }

    private static JsonNode? Convert(YamlNode node, int depth, NodeBudget budget)
    {
        if (++budget.Used > MaxNodes)
        {
            throw CloudFormationException.Validation("Template format error: YAML not well-formed. (too many nodes after alias expansion)");
        }

        if (depth > MaxDepth)
        {
            throw CloudFormationException.Validation("Template format error: YAML not well-formed. (nesting too deep)");
        }

        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        JsonNode? value = node switch
        {
            YamlMappingNode map => ConvertMap(map, depth, budget),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(c => Convert(c, depth + 1, budget)).ToArray()),
            YamlScalarNode scalar => ConvertScalar(scalar, tag),
            _ => null,
        };

        if (tag is null || !tag.StartsWith('!') || tag == "!")
        {
            return value;
        }

        var function = tag[1..];
        if (function == "GetAtt" && node is YamlScalarNode getAtt)
        {
            var text = getAtt.Value ?? string.Empty;
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                throw CloudFormationException.Validation("Template error: every Fn::GetAtt object requires two non-empty parameters");
            }

            return new JsonObject { ["Fn::GetAtt"] = new JsonArray(text[..dot], text[(dot + 1)..]) };
        }

        var key = function is "Ref" or "Condition" ? function : "Fn::" + function;
        return new JsonObject { [key] = value };
    }

    private static JsonObject ConvertMap(YamlMappingNode map, int depth, NodeBudget budget)
    {
        var result = new JsonObject();
        foreach (var (key, child) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value
                ?? throw CloudFormationException.Validation("Template format error: YAML not well-formed. (mapping keys must be scalars)");
            if (result.ContainsKey(name))
            {
                throw CloudFormationException.Validation($"Template format error: YAML not well-formed. (duplicate key {name})");
            }

            result[name] = Convert(child, depth + 1, budget);
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar, string? tag)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (tag is not null && tag != "?"))
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (NumberPattern().IsMatch(text)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    private sealed class NodeBudget
    {
        public int Used { get; set; }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
