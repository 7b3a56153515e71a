using System.Globalization;
using System.Text.Json;

namespace Portal.Aws.Tests.Contract;

/// <summary>
/// Checks a request body exactly as it went over the wire against botocore's input shape: every JSON member or
/// Query key must name a model member (lists as <c>.member.N</c>), every enum value must be one the model lists,
/// and scalars must have the model's type. Returns one line per violation.
/// </summary>
internal static class WireContractChecker
{
    public static IReadOnlyList<string> CheckJson(BotocoreModel model, string operation, JsonElement body)
    {
        var violations = new List<string>();
        if (InputShape(model, operation, violations) is { } input)
        {
            CheckJsonValue(model, input, body, operation, violations);
        }

        return violations;
    }

    /// <summary>Checks a JSON response body against the operation's output shape (used on LocalCloud's answers).</summary>
    public static IReadOnlyList<string> CheckJsonOutput(BotocoreModel model, string operation, JsonElement body)
    {
        var violations = new List<string>();
        if (!model.Operations.TryGetProperty(operation, out var definition))
        {
            violations.Add($"no operation named '{operation}'.");
        }
        else if (definition.TryGetProperty("output", out var output))
        {
            CheckJsonValue(model, output.GetProperty("shape").GetString()!, body, operation + " output", violations);
        }

        return violations;
    }

    public static IReadOnlyList<string> CheckQuery(BotocoreModel model, string operation, IEnumerable<KeyValuePair<string, string>> form)
    {
        var violations = new List<string>();
        if (InputShape(model, operation, violations) is not { } input)
        {
            return violations;
        }

        foreach (var (key, value) in form)
        {
            if (key is "Action" or "Version")
            {
                continue;
            }

            CheckQueryKey(model, input, key.Split('.'), 0, value, $"{operation} {key}", violations);
        }

        return violations;
    }

    private static string? InputShape(BotocoreModel model, string operation, List<string> violations)
    {
        if (!model.Operations.TryGetProperty(operation, out var definition))
        {
            violations.Add($"no operation named '{operation}'.");
            return null;
        }

        return definition.TryGetProperty("input", out var input) ? input.GetProperty("shape").GetString() : null;
    }

    private static void CheckJsonValue(BotocoreModel model, string shapeName, JsonElement value, string path, List<string> violations)
    {
        var shape = model.Shapes.GetProperty(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    violations.Add($"{path}: expected an object for {shapeName}.");
                    return;
                }

                var members = Members(shape);
                foreach (var property in value.EnumerateObject())
                {
                    if (!members.TryGetValue(property.Name, out var member))
                    {
                        violations.Add($"{path}: '{property.Name}' is not a member of {shapeName}.");
                        continue;
                    }

                    CheckJsonValue(model, member, property.Value, $"{path}.{property.Name}", violations);
                }

                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    violations.Add($"{path}: expected an array for {shapeName}.");
                    return;
                }

                foreach (var item in value.EnumerateArray())
                {
                    CheckJsonValue(model, shape.GetProperty("member").GetProperty("shape").GetString()!, item, path + "[]", violations);
                }

                break;
            case "map":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    violations.Add($"{path}: expected an object for map {shapeName}.");
                    return;
                }

                foreach (var entry in value.EnumerateObject())
                {
                    CheckScalar(model, shape.GetProperty("key").GetProperty("shape").GetString()!, entry.Name, $"{path} key", violations);
                    CheckJsonValue(model, shape.GetProperty("value").GetProperty("shape").GetString()!, entry.Value, $"{path}.{entry.Name}", violations);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    violations.Add($"{path}: expected a string.");
                    return;
                }

                CheckScalar(model, shapeName, value.GetString()!, path, violations);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    violations.Add($"{path}: expected a boolean.");
                }

                break;
            case "integer" or "long":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _))
                {
                    violations.Add($"{path}: expected an integer.");
                }

                break;
            case "timestamp" or "double" or "float":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    violations.Add($"{path}: expected a number (JSON timestamps are epoch seconds).");
                }

                break;
        }
    }

    private static void CheckQueryKey(BotocoreModel model, string shapeName, string[] segments, int index, string value, string path, List<string> violations)
    {
        var shape = model.Shapes.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        if (type == "structure")
        {
            if (index >= segments.Length || !Members(shape).TryGetValue(segments[index], out var member))
            {
                violations.Add($"{path}: '{(index < segments.Length ? segments[index] : string.Empty)}' is not a member of {shapeName}.");
                return;
            }

            CheckQueryKey(model, member, segments, index + 1, value, path, violations);
            return;
        }

        if (type == "list")
        {
            if (index + 1 >= segments.Length || segments[index] != "member" || !int.TryParse(segments[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 1)
            {
                violations.Add($"{path}: list {shapeName} must be sent as .member.N.");
                return;
            }

            CheckQueryKey(model, shape.GetProperty("member").GetProperty("shape").GetString()!, segments, index + 2, value, path, violations);
            return;
        }

        if (index != segments.Length)
        {
            violations.Add($"{path}: {shapeName} is a {type} and has no member '{segments[index]}'.");
            return;
        }

        switch (type)
        {
            case "boolean" when value is not ("true" or "false"):
                violations.Add($"{path}: expected true or false.");
                break;
            case "integer" or "long" when !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                violations.Add($"{path}: expected an integer.");
                break;
            case "string":
                CheckScalar(model, shapeName, value, path, violations);
                break;
        }
    }

    internal static void CheckScalar(BotocoreModel model, string shapeName, string value, string path, List<string> violations)
    {
        var shape = model.Shapes.GetProperty(shapeName);
        if (shape.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != value))
        {
            violations.Add($"{path}: '{value}' is not one of {shapeName} ({string.Join(", ", values.EnumerateArray().Select(v => v.GetString()))}).");
        }

        if (shape.TryGetProperty("max", out var max) && value.Length > max.GetInt32())
        {
            violations.Add($"{path}: '{value}' is longer than {shapeName}'s maximum of {max.GetInt32()}.");
        }
    }

    internal static Dictionary<string, string> Members(JsonElement shape)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        if (shape.TryGetProperty("members", out var declared))
        {
            foreach (var member in declared.EnumerateObject())
            {
                var wireName = member.Value.TryGetProperty("locationName", out var location) ? location.GetString()! : member.Name;
                members[wireName] = member.Value.GetProperty("shape").GetString()!;
            }
        }

        return members;
    }
}
