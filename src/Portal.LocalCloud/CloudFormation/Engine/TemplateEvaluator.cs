using System.Globalization;
using System.Numerics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Evaluates intrinsic functions, pseudo parameters and conditions over the JSON tree of a template.
/// Every result is a fresh tree; <c>Ref: AWS::NoValue</c> removes the enclosing property or list item.
/// </summary>
public sealed class TemplateEvaluator
{
    private readonly EvaluationScope _scope;
    private readonly Dictionary<string, bool> _conditions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluatingConditions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _imports = new(StringComparer.Ordinal);

    public TemplateEvaluator(EvaluationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _scope = scope;
    }

    /// <summary>Export names read by <c>Fn::ImportValue</c> so far.</summary>
    public IReadOnlyCollection<string> ImportedExports => _imports;

    /// <summary>Evaluates a node; a top-level <c>AWS::NoValue</c> becomes null.</summary>
    public JsonNode? Evaluate(JsonNode? node)
    {
        var value = Eval(node);
        return TemplateValues.IsNoValue(value) ? null : value;
    }

    /// <summary>Evaluates a resource's properties into a plain JSON object (no intrinsics left).</summary>
    public JsonObject EvaluateProperties(JsonObject properties) => (JsonObject)Eval(properties)!;

    /// <summary>Evaluates the named condition of the template's <c>Conditions</c> section (memoised).</summary>
    public bool IsConditionTrue(string name)
    {
        if (_conditions.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_scope.Template.Conditions.TryGetPropertyValue(name, out var body))
        {
            throw CloudFormationException.Validation($"Template format error: Unresolved dependencies [{name}]. Cannot reference resources in the Conditions block of the template");
        }

        if (!_evaluatingConditions.Add(name))
        {
            throw CloudFormationException.Validation($"Template error: Circular dependency between conditions: [{string.Join(", ", _evaluatingConditions)}]");
        }

        var result = EvalBool(body, "Conditions");
        _evaluatingConditions.Remove(name);
        _conditions[name] = result;
        return result;
    }

    internal bool EvalBool(JsonNode? node, string context)
    {
        var value = Eval(node);
        return TemplateValues.AsString(value) switch
        {
            "true" => true,
            "false" => false,
            _ => throw CloudFormationException.Validation($"Template error: every {context} member must evaluate to a boolean"),
        };
    }

    private JsonNode? Eval(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && IsFunction(obj.First().Key, obj.First().Value):
                var (name, argument) = obj.First();
                return Call(name, argument);
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    var value = Eval(child);
                    if (!TemplateValues.IsNoValue(value))
                    {
                        result[key] = value;
                    }
                }

                return result;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var child in array)
                {
                    var value = Eval(child);
                    if (!TemplateValues.IsNoValue(value))
                    {
                        items.Add(value);
                    }
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsFunction(string key, JsonNode? value) =>
        key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal) || (key == "Condition" && value is JsonValue);

    private JsonNode? Call(string name, JsonNode? argument) => name switch
    {
        "Ref" => Ref(RequireString(Eval(argument), "Ref")),
        "Condition" => JsonValue.Create(IsConditionTrue(RequireString(argument, "Condition"))),
        "Fn::GetAtt" => GetAtt(argument),
        "Fn::Sub" => Sub(argument),
        "Fn::Join" => Join(argument),
        "Fn::Select" => Select(argument),
        "Fn::Split" => Split(argument),
        "Fn::If" => If(argument),
        "Fn::Equals" => Equals(argument),
        "Fn::And" => Logical(argument, "Fn::And", all: true),
        "Fn::Or" => Logical(argument, "Fn::Or", all: false),
        "Fn::Not" => Not(argument),
        "Fn::FindInMap" => FindInMap(argument),
        "Fn::GetAZs" => GetAzs(argument),
        "Fn::ImportValue" => ImportValue(argument),
        "Fn::Base64" => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(RequireString(Eval(argument), "Fn::Base64")))),
        "Fn::Cidr" => Cidr(argument),
        "Fn::Length" => JsonValue.Create(RequireList(Eval(argument), "Fn::Length").Count),
        "Fn::ToJsonString" => JsonValue.Create(TemplateValues.ToJson(Eval(argument))),
        "Fn::Contains" or "Fn::EachMemberEquals" or "Fn::EachMemberIn" or "Fn::RefAll" or "Fn::ValueOf" or "Fn::ValueOfAll"
            => RuleFunction(name, argument),
        _ => throw CloudFormationException.Validation($"Template format error: Unrecognized function {name}"),
    };

    private JsonNode? Ref(string name)
    {
        switch (name)
        {
            case "AWS::NoValue":
                return TemplateValues.NoValue;
            case "AWS::AccountId":
                return JsonValue.Create(_scope.Environment.AccountId);
            case "AWS::Region":
                return JsonValue.Create(_scope.Environment.Region);
            case "AWS::Partition":
                return JsonValue.Create(_scope.Environment.Partition);
            case "AWS::URLSuffix":
                return JsonValue.Create(_scope.Environment.UrlSuffix);
            case "AWS::StackName":
                return JsonValue.Create(_scope.StackName);
            case "AWS::StackId":
                return JsonValue.Create(_scope.StackId);
            case "AWS::NotificationARNs":
                return TemplateValues.ToArray(_scope.NotificationArns);
        }

        if (_scope.Parameters.TryGetValue(name, out var parameter))
        {
            return parameter.Value.DeepClone();
        }

        if (_scope.Template.FindResource(name) is not null)
        {
            return JsonValue.Create(Resource(name).PhysicalId);
        }

        throw CloudFormationException.Validation($"Template format error: Unresolved resource dependencies [{name}] in the Resources block of the template");
    }

    private ResourceState Resource(string logicalId) =>
        _scope.Resources(logicalId)
        ?? throw CloudFormationException.Validation($"Template error: resource {logicalId} is not available (it was not created, or its condition is false)");

    private JsonNode? GetAtt(JsonNode? argument)
    {
        string logicalId;
        string attribute;
        if (argument is JsonArray { Count: 2 } pair)
        {
            logicalId = RequireString(pair[0], "Fn::GetAtt");
            attribute = RequireString(Eval(pair[1]), "Fn::GetAtt");
        }
        else if (TemplateValues.AsString(argument) is { } dotted && dotted.IndexOf('.', StringComparison.Ordinal) is var dot and > 0)
        {
            logicalId = dotted[..dot];
            attribute = dotted[(dot + 1)..];
        }
        else
        {
            throw CloudFormationException.Validation("Template error: every Fn::GetAtt object requires two non-empty parameters");
        }

        return ReadAttribute(logicalId, attribute);
    }

    private JsonNode? ReadAttribute(string logicalId, string attribute)
    {
        var declaration = _scope.Template.FindResource(logicalId)
            ?? throw CloudFormationException.Validation($"Template error: instance of Fn::GetAtt references undefined resource {logicalId}");
        if (!ResourceTypeCatalog.SupportsAttribute(declaration.Type, attribute))
        {
            throw CloudFormationException.Validation($"Template error: resource {logicalId} does not support attribute type {attribute} in Fn::GetAtt");
        }

        var state = Resource(logicalId);
        return state.Attributes.TryGetValue(attribute, out var value)
            ? value?.DeepClone()
            : throw CloudFormationException.Validation($"Template error: resource {logicalId} does not support attribute type {attribute} in Fn::GetAtt");
    }

    private JsonValue Sub(JsonNode? argument)
    {
        string text;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (argument is JsonArray { Count: 2 } pair)
        {
            text = RequireString(pair[0], "Fn::Sub");
            if (pair[1] is not JsonObject map)
            {
                throw CloudFormationException.Validation("Template error: the second argument of Fn::Sub must be a map");
            }

            foreach (var (key, value) in map)
            {
                variables[key] = RequireString(Eval(value), "Fn::Sub");
            }
        }
        else
        {
            text = RequireString(argument, "Fn::Sub");
        }

        var builder = new StringBuilder();
        foreach (var part in SubParts(text))
        {
            if (!part.IsVariable)
            {
                builder.Append(part.Text);
            }
            else if (variables.TryGetValue(part.Text, out var local))
            {
                builder.Append(local);
            }
            else
            {
                var dot = part.Text.IndexOf('.', StringComparison.Ordinal);
                var value = dot > 0 && _scope.Template.FindResource(part.Text[..dot]) is not null
                    ? ReadAttribute(part.Text[..dot], part.Text[(dot + 1)..])
                    : Ref(part.Text);
                builder.Append(value is JsonArray list
                    ? string.Join(',', list.Select(TemplateValues.AsString))
                    : TemplateValues.AsString(value));
            }
        }

        return JsonValue.Create(builder.ToString());
    }

    /// <summary>Splits an <c>Fn::Sub</c> string into literal text and <c>${…}</c> variables; <c>${!X}</c> is the literal <c>${X}</c>.</summary>
    internal static IEnumerable<(bool IsVariable, string Text)> SubParts(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            var start = text.IndexOf("${", index, StringComparison.Ordinal);
            if (start < 0)
            {
                yield return (false, text[index..]);
                yield break;
            }

            var end = text.IndexOf('}', start);
            if (end < 0)
            {
                yield return (false, text[index..]);
                yield break;
            }

            if (start > index)
            {
                yield return (false, text[index..start]);
            }

            var inner = text[(start + 2)..end];
            yield return inner.StartsWith('!') ? (false, "${" + inner[1..] + "}") : (true, inner.Trim());
            index = end + 1;
        }
    }

    private JsonValue Join(JsonNode? argument)
    {
        var args = RequireArgs(argument, "Fn::Join", 2);
        var delimiter = RequireString(args[0], "Fn::Join");
        var items = RequireList(Eval(args[1]), "Fn::Join");
        return JsonValue.Create(string.Join(delimiter, items.Select(i =>
            TemplateValues.AsString(i) ?? throw CloudFormationException.Validation("Template error: every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined."))));
    }

    private JsonNode? Select(JsonNode? argument)
    {
        var args = RequireArgs(argument, "Fn::Select", 2);
        var indexText = RequireString(Eval(args[0]), "Fn::Select");
        var list = RequireList(Eval(args[1]), "Fn::Select");
        if (!int.TryParse(indexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) || index < 0 || index >= list.Count)
        {
            throw CloudFormationException.Validation($"Template error: Fn::Select cannot select nonexistent value at index {indexText}");
        }

        return list[index]?.DeepClone();
    }

    private JsonArray Split(JsonNode? argument)
    {
        var args = RequireArgs(argument, "Fn::Split", 2);
        var delimiter = RequireString(args[0], "Fn::Split");
        var source = RequireString(Eval(args[1]), "Fn::Split");
        return TemplateValues.ToArray(delimiter.Length == 0 ? [source] : source.Split(delimiter));
    }

    private JsonNode? If(JsonNode? argument)
    {
        var args = RequireArgs(argument, "Fn::If", 3);
        return IsConditionTrue(RequireString(args[0], "Fn::If")) ? Eval(args[1]) : Eval(args[2]);
    }

    private JsonValue Equals(JsonNode? argument)
    {
        var args = RequireArgs(argument, "Fn::Equals", 2);
        return JsonValue.Create(TemplateValues.DeepEquals(Eval(args[0]), Eval(args[1])));
    }

    private JsonValue Logical(JsonNode? argument, string function, bool all)
    {
        if (argument is not JsonArray { Count: >= 2 and <= 10 } args)
        {
            throw CloudFormationException.Validation($"Template error: every {function} object requires a list of at least 2 and at most 10 boolean parameters.");
        }

        var values = args.Select(a => EvalBool(a, function)).ToList();
        return JsonValue.Create(all ? values.All(v => v) : values.Any(v => v));
    }

    private JsonValue Not(JsonNode? argument)
    {
        var args = RequireArgs(argument, "Fn::Not", 1);
        return JsonValue.Create(!EvalBool(args[0], "Fn::Not"));
    }

    private JsonNode? FindInMap(JsonNode? argument)
    {
        if (argument is not JsonArray { Count: 3 or 4 } args)
        {
            throw CloudFormationException.Validation("Template error: every Fn::FindInMap object requires three parameters, the map name, map key and the attribute for return value");
        }

        var mapName = RequireString(Eval(args[0]), "Fn::FindInMap");
        var top = RequireString(Eval(args[1]), "Fn::FindInMap");
        var second = RequireString(Eval(args[2]), "Fn::FindInMap");
        if (_scope.Template.Mappings[mapName] is not JsonObject map)
        {
            throw CloudFormationException.Validation($"Template error: Unable to get mapping for {mapName}");
        }

        if (map[top] is JsonObject level && level.TryGetPropertyValue(second, out var value))
        {
            return value?.DeepClone();
        }

        if (args.Count == 4 && (args[3] as JsonObject)?["DefaultValue"] is { } fallback)
        {
            return Eval(fallback);
        }

        throw CloudFormationException.Validation($"Template error: Unable to get mapping for {mapName}::{top}::{second}");
    }

    private JsonArray GetAzs(JsonNode? argument)
    {
        var region = TemplateValues.AsString(Eval(argument));
        return TemplateValues.ToArray(_scope.Environment.ZonesOf(string.IsNullOrEmpty(region) ? _scope.Environment.Region : region));
    }

    private JsonValue ImportValue(JsonNode? argument)
    {
        var name = RequireString(Eval(argument), "Fn::ImportValue");
        var value = _scope.Exports(name) ?? throw CloudFormationException.Validation($"No export named {name} found.");
        _imports.Add(name);
        return JsonValue.Create(value);
    }

    private JsonArray Cidr(JsonNode? argument)
    {
        var args = RequireArgs(argument, "Fn::Cidr", 3);
        var block = RequireString(Eval(args[0]), "Fn::Cidr");
        var countText = RequireString(Eval(args[1]), "Fn::Cidr");
        var bitsText = RequireString(Eval(args[2]), "Fn::Cidr");
        var slash = block.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !IPAddress.TryParse(block[..slash], out var address)
            || !int.TryParse(block[(slash + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var prefix)
            || !int.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            || !int.TryParse(bitsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cidrBits))
        {
            throw CloudFormationException.Validation("Template error: Fn::Cidr requires an ipBlock in CIDR notation, a count and cidrBits");
        }

        var bytes = address.GetAddressBytes();
        var totalBits = bytes.Length * 8;
        var newPrefix = totalBits - cidrBits;
        if (prefix < 0 || prefix > totalBits || cidrBits < 0 || newPrefix < prefix || count < 1 || count > 256
            || BigInteger.Pow(2, newPrefix - prefix) < count)
        {
            throw CloudFormationException.Validation($"Template error: Fn::Cidr cannot create {countText} subnets with {bitsText} cidrBits from {block}");
        }

        var network = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        network = (network >> (totalBits - prefix)) << (totalBits - prefix);
        var step = BigInteger.One << cidrBits;
        var result = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var value = network + (step * i);
            var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
            var padded = new byte[bytes.Length];
            raw.CopyTo(padded, padded.Length - raw.Length);
            result.Add($"{new IPAddress(padded)}/{newPrefix.ToString(CultureInfo.InvariantCulture)}");
        }

        return TemplateValues.ToArray(result);
    }

    private JsonNode RuleFunction(string name, JsonNode? argument)
    {
        switch (name)
        {
            case "Fn::Contains":
            {
                var args = RequireArgs(argument, name, 2);
                var list = TemplateValues.AsStringList(Eval(args[0]));
                var value = RequireString(Eval(args[1]), name);
                return JsonValue.Create(list.Contains(value, StringComparer.Ordinal));
            }

            case "Fn::EachMemberEquals":
            {
                var args = RequireArgs(argument, name, 2);
                var list = TemplateValues.AsStringList(Eval(args[0]));
                var value = RequireString(Eval(args[1]), name);
                return JsonValue.Create(list.All(item => item == value));
            }

            case "Fn::EachMemberIn":
            {
                var args = RequireArgs(argument, name, 2);
                var list = TemplateValues.AsStringList(Eval(args[0]));
                var allowed = TemplateValues.AsStringList(Eval(args[1]));
                return JsonValue.Create(list.All(item => allowed.Contains(item, StringComparer.Ordinal)));
            }

            case "Fn::RefAll":
            {
                var type = RequireString(argument, name);
                return TemplateValues.ToArray(ParametersOfType(type).SelectMany(p => TemplateValues.AsStringList(p.Value)));
            }

            case "Fn::ValueOf":
            {
                var args = RequireArgs(argument, name, 2);
                var parameterName = RequireString(args[0], name);
                var attribute = RequireString(Eval(args[1]), name);
                if (!_scope.Parameters.TryGetValue(parameterName, out var parameter))
                {
                    throw CloudFormationException.Validation($"Template error: Fn::ValueOf references undefined parameter {parameterName}");
                }

                var values = ValuesOf(parameter, attribute);
                return parameter.Declaration.IsList ? TemplateValues.ToArray(values) : JsonValue.Create(values.FirstOrDefault() ?? string.Empty);
            }

            case "Fn::ValueOfAll":
            {
                var args = RequireArgs(argument, name, 2);
                var type = RequireString(args[0], name);
                var attribute = RequireString(Eval(args[1]), name);
                return TemplateValues.ToArray(ParametersOfType(type).SelectMany(p => ValuesOf(p, attribute)));
            }

            default:
                throw CloudFormationException.Validation($"Template format error: Unrecognized function {name}");
        }
    }

    private IEnumerable<ResolvedParameter> ParametersOfType(string type) =>
        _scope.Parameters.Values.Where(p => p.Declaration.EffectiveType == type || p.Declaration.EffectiveType == $"List<{type}>");

    private List<string> ValuesOf(ResolvedParameter parameter, string attribute)
    {
        var type = parameter.Declaration.EffectiveType;
        var itemType = type.StartsWith("List<", StringComparison.Ordinal) ? type[5..^1] : type;
        return TemplateValues.AsStringList(parameter.Value)
            .Select(value => _scope.ParameterAttributes(itemType, value, attribute)
                ?? throw CloudFormationException.Validation($"Template error: attribute {attribute} of {itemType} {value} is not available for Fn::ValueOf"))
            .ToList();
    }

    private static JsonArray RequireArgs(JsonNode? argument, string function, int count) =>
        argument is JsonArray args && args.Count == count
            ? args
            : throw CloudFormationException.Validation($"Template error: every {function} object requires {count} parameters");

    private static string RequireString(JsonNode? node, string function) =>
        TemplateValues.AsString(node)
        ?? throw CloudFormationException.Validation($"Template error: {function} requires a string argument");

    private static JsonArray RequireList(JsonNode? node, string function) =>
        node as JsonArray ?? throw CloudFormationException.Validation($"Template error: {function} requires a list argument");
}
