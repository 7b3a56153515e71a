using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.LocalCloud.Protocols;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>
/// The parts of a CloudFormation template (YAML with short-form tags, or JSON) Service Catalog reads:
/// parameters with their constraints, and output keys. Also checks parameter values against them.
/// </summary>
public sealed class TemplateSummary
{
    private TemplateSummary(IReadOnlyList<TemplateParameter> parameters, IReadOnlyList<(string Key, string? Description)> outputs)
    {
        Parameters = parameters;
        Outputs = outputs;
    }

    public IReadOnlyList<TemplateParameter> Parameters { get; }

    public IReadOnlyList<(string Key, string? Description)> Outputs { get; }

    /// <summary>Parses a template; a malformed one raises InvalidParametersException.</summary>
    public static TemplateSummary Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > 1_000_000)
        {
            throw Invalid("The template exceeds the maximum size of 1 MB.");
        }

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(body));
            root = stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode m
                ? m
                : throw Invalid("Template format error: the template must be a JSON or YAML object.");
        }
        catch (YamlException e)
        {
            throw Invalid($"Template format error: {e.Message}");
        }

        if (Child(root, "Resources") is not YamlMappingNode resources || resources.Children.Count == 0)
        {
            throw Invalid("Template format error: At least one Resources member must be defined.");
        }

        var parameters = new List<TemplateParameter>();
        if (Child(root, "Parameters") is YamlMappingNode parameterNodes)
        {
            foreach (var (keyNode, valueNode) in parameterNodes.Children)
            {
                var key = Scalar(keyNode) ?? throw Invalid("Template format error: parameter names must be strings.");
                if (valueNode is not YamlMappingNode p)
                {
                    throw Invalid($"Template format error: parameter {key} must be an object.");
                }

                parameters.Add(new TemplateParameter
                {
                    Key = key,
                    Type = Scalar(Child(p, "Type")) ?? throw Invalid($"Template format error: Every Parameters object must contain a Type member ({key})."),
                    Default = Scalar(Child(p, "Default")) ?? (Child(p, "Default") is YamlSequenceNode ds ? string.Join(',', ds.Children.Select(Scalar)) : null),
                    Description = Scalar(Child(p, "Description")),
                    NoEcho = string.Equals(Scalar(Child(p, "NoEcho")), "true", StringComparison.OrdinalIgnoreCase),
                    AllowedValues = Child(p, "AllowedValues") is YamlSequenceNode av ? av.Children.Select(c => Scalar(c) ?? string.Empty).ToList() : null,
                    AllowedPattern = Scalar(Child(p, "AllowedPattern")),
                    ConstraintDescription = Scalar(Child(p, "ConstraintDescription")),
                    MinLength = Scalar(Child(p, "MinLength")),
                    MaxLength = Scalar(Child(p, "MaxLength")),
                    MinValue = Scalar(Child(p, "MinValue")),
                    MaxValue = Scalar(Child(p, "MaxValue")),
                });
            }
        }

        var outputs = new List<(string, string?)>();
        if (Child(root, "Outputs") is YamlMappingNode outputNodes)
        {
            foreach (var (keyNode, valueNode) in outputNodes.Children)
            {
                outputs.Add((Scalar(keyNode) ?? string.Empty, valueNode is YamlMappingNode o ? Scalar(Child(o, "Description")) : null));
            }
        }

        return new TemplateSummary(parameters, outputs);
    }

    /// <summary>
    /// Narrows parameters by TEMPLATE constraint rules: <c>Fn::Contains [[values], {Ref: P}]</c> and
    /// <c>Fn::Equals [{Ref: P}, value]</c> assertions become AllowedValues.
    /// </summary>
    public IReadOnlyList<TemplateParameter> WithRules(IEnumerable<string> templateConstraintParameters)
    {
        var allowed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var json in templateConstraintParameters)
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("Rules", out var rules) || rules.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var rule in rules.EnumerateObject())
            {
                if (!rule.Value.TryGetProperty("Assertions", out var assertions) || assertions.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var assertion in assertions.EnumerateArray())
                {
                    if (!assertion.TryGetProperty("Assert", out var assert) || assert.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    if (assert.TryGetProperty("Fn::Contains", out var contains) && contains.ValueKind == JsonValueKind.Array && contains.GetArrayLength() == 2
                        && contains[0].ValueKind == JsonValueKind.Array && RefOf(contains[1]) is { } containsRef)
                    {
                        Narrow(allowed, containsRef, contains[0].EnumerateArray().Select(v => v.ToString()).ToList());
                    }
                    else if (assert.TryGetProperty("Fn::Equals", out var equals) && equals.ValueKind == JsonValueKind.Array && equals.GetArrayLength() == 2)
                    {
                        if (RefOf(equals[0]) is { } left && equals[1].ValueKind == JsonValueKind.String)
                        {
                            Narrow(allowed, left, [equals[1].GetString()!]);
                        }
                        else if (RefOf(equals[1]) is { } right && equals[0].ValueKind == JsonValueKind.String)
                        {
                            Narrow(allowed, right, [equals[0].GetString()!]);
                        }
                    }
                }
            }
        }

        return Parameters
            .Select(p => allowed.TryGetValue(p.Key, out var values)
                ? p with { AllowedValues = p.AllowedValues is null ? values : p.AllowedValues.Intersect(values, StringComparer.Ordinal).ToList() }
                : p)
            .ToList();
    }

    /// <summary>Checks values against the parameters; returns the full set with defaults filled in.</summary>
    public static Dictionary<string, string> Resolve(IReadOnlyList<TemplateParameter> parameters, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var key in values.Keys)
        {
            if (!parameters.Any(p => p.Key == key))
            {
                throw Invalid($"Parameters: [{key}] do not exist in the template");
            }
        }

        var missing = parameters.Where(p => !values.ContainsKey(p.Key) && p.Default is null).Select(p => p.Key).ToList();
        if (missing.Count > 0)
        {
            throw Invalid($"Parameters: [{string.Join(", ", missing)}] must have values");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var value = values.TryGetValue(parameter.Key, out var v) ? v : parameter.Default!;
            Check(parameter, value);
            result[parameter.Key] = value;
        }

        return result;
    }

    private static void Check(TemplateParameter p, string value)
    {
        var failure = p.ConstraintDescription ?? $"Parameter '{p.Key}' failed to satisfy its constraints.";
        if (p.AllowedValues is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw Invalid($"Parameter '{p.Key}' must be one of AllowedValues");
        }

        if (p.AllowedPattern is { } pattern && !Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            throw Invalid($"Parameter '{p.Key}' must match pattern {pattern}: {failure}");
        }

        if (Number(p.MinLength) is { } minLength && value.Length < minLength)
        {
            throw Invalid($"Parameter '{p.Key}' must contain at least {minLength} characters: {failure}");
        }

        if (Number(p.MaxLength) is { } maxLength && value.Length > maxLength)
        {
            throw Invalid($"Parameter '{p.Key}' must contain at most {maxLength} characters: {failure}");
        }

        if (p.Type == "Number")
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw Invalid($"Parameter '{p.Key}' must be a number.");
            }

            if (Number(p.MinValue) is { } min && number < min)
            {
                throw Invalid($"Parameter '{p.Key}' must be a number not less than {p.MinValue}: {failure}");
            }

            if (Number(p.MaxValue) is { } max && number > max)
            {
                throw Invalid($"Parameter '{p.Key}' must be a number not greater than {p.MaxValue}: {failure}");
            }
        }
    }

    private static void Narrow(Dictionary<string, IReadOnlyList<string>> allowed, string parameter, IReadOnlyList<string> values) =>
        allowed[parameter] = allowed.TryGetValue(parameter, out var existing) ? existing.Intersect(values, StringComparer.Ordinal).ToList() : values;

    private static string? RefOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("Ref", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;

    private static double? Number(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node) => node is YamlScalarNode s ? s.Value : null;

    private static ServiceException Invalid(string message) => new("InvalidParametersException", message);
}
