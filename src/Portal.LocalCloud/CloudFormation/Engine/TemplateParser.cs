using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>Parses JSON or YAML template bodies and checks their structure with CloudFormation's error texts.</summary>
public static class TemplateParser
{
    /// <summary>CloudFormation's limit for a template body passed inline or by URL.</summary>
    public const int MaxBodyBytes = 1_000_000;

    private static readonly HashSet<string> Sections =
    [
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
        "Conditions", "Transform", "Resources", "Outputs",
    ];

    /// <summary>Parses <paramref name="body"/>; throws <see cref="CloudFormationException"/> (ValidationError) when malformed.</summary>
    public static Template Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Encoding.UTF8.GetByteCount(body) > MaxBodyBytes)
        {
            throw CloudFormationException.Validation(
                $"1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to {MaxBodyBytes}");
        }

        var root = ReadTree(body) as JsonObject
            ?? throw CloudFormationException.Validation("Template format error: JSON not well-formed. (line 1, column 1)");

        foreach (var section in root)
        {
            if (!Sections.Contains(section.Key))
            {
                throw CloudFormationException.Validation($"Template format error: Unrecognized section(s): [{section.Key}]");
            }
        }

        var version = TemplateValues.AsString(root["AWSTemplateFormatVersion"]);
        if (version is not null && version != "2010-09-09")
        {
            throw CloudFormationException.Validation($"Template format error: Unsupported AWSTemplateFormatVersion: {version}");
        }

        if (root["Resources"] is not JsonObject resources || resources.Count == 0)
        {
            throw CloudFormationException.Validation("Template format error: At least one Resources member must be defined.");
        }

        var parameters = ReadObject(root, "Parameters")
            .Select(p => ParameterDeclaration.FromNode(p.Key, p.Value as JsonObject
                ?? throw CloudFormationException.Validation($"Template format error: [/Parameters/{p.Key}] must be an object")))
            .ToList();

        return new Template(
            body,
            root,
            TemplateValues.AsString(root["Description"]),
            parameters,
            ReadObject(root, "Mappings"),
            ReadObject(root, "Conditions"),
            ReadRules(ReadObject(root, "Rules")),
            resources.Select(r => ReadResource(r.Key, r.Value)).ToList(),
            ReadObject(root, "Outputs").Select(o => ReadOutput(o.Key, o.Value)).ToList(),
            TemplateValues.AsStringList(root["Transform"]));
    }

    /// <summary>Parses a template body into its JSON tree without structural checks (used for Service Catalog rules JSON).</summary>
    public static JsonNode? ReadTree(string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException ex)
            {
                // A YAML template may also start with a flow mapping; report the JSON error only if YAML fails too.
                try
                {
                    return YamlTemplateReader.Read(body);
                }
                catch (CloudFormationException)
                {
                    throw CloudFormationException.Validation(
                        $"Template format error: JSON not well-formed. (line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1})");
                }
            }
        }

        return YamlTemplateReader.Read(body);
    }

    internal static IReadOnlyList<RuleDeclaration> ReadRules(JsonObject rules) =>
        rules.Select(rule =>
        {
            var body = rule.Value as JsonObject
                ?? throw CloudFormationException.Validation($"Template format error: [/Rules/{rule.Key}] must be an object");
            var assertions = body["Assertions"] as JsonArray
                ?? throw CloudFormationException.Validation($"Template format error: [/Rules/{rule.Key}] Every Rules object must contain an Assertions member.");
            return new RuleDeclaration(
                rule.Key,
                body["RuleCondition"],
                assertions.Select(a => new RuleAssertion(a?["Assert"], TemplateValues.AsString(a?["AssertDescription"]))).ToList());
        }).ToList();

    private static JsonObject ReadObject(JsonObject root, string section) => root[section] switch
    {
        null => [],
        JsonObject value => value,
        _ => throw CloudFormationException.Validation($"Template format error: {section} must be an object"),
    };

    private static ResourceDeclaration ReadResource(string logicalId, JsonNode? node)
    {
        if (node is not JsonObject body)
        {
            throw CloudFormationException.Validation($"Template format error: [/Resources/{logicalId}] resource definition is malformed");
        }

        var type = TemplateValues.AsString(body["Type"]);
        if (string.IsNullOrEmpty(type))
        {
            throw CloudFormationException.Validation($"Template format error: [/Resources/{logicalId}] Every Resources object must contain a Type member.");
        }

        if (!logicalId.All(char.IsAsciiLetterOrDigit))
        {
            throw CloudFormationException.Validation($"Template format error: Resource name {logicalId} is non alphanumeric.");
        }

        var properties = body["Properties"] switch
        {
            null => [],
            JsonObject value => value,
            _ => throw CloudFormationException.Validation($"Template format error: [/Resources/{logicalId}/Properties] must be an object"),
        };

        return new ResourceDeclaration(
            logicalId,
            type,
            properties,
            TemplateValues.AsStringList(body["DependsOn"]),
            TemplateValues.AsString(body["Condition"]),
            TemplateValues.AsString(body["DeletionPolicy"]),
            TemplateValues.AsString(body["UpdateReplacePolicy"]));
    }

    private static OutputDeclaration ReadOutput(string name, JsonNode? node)
    {
        if (node is not JsonObject body || !body.ContainsKey("Value"))
        {
            throw CloudFormationException.Validation($"Template format error: Every Outputs member must contain a Value object, the Outputs member {name} is missing one.");
        }

        return new OutputDeclaration(
            name,
            body["Value"],
            TemplateValues.AsString(body["Description"]),
            (body["Export"] as JsonObject)?["Name"],
            TemplateValues.AsString(body["Condition"]));
    }
}
