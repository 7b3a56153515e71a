using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.SageMaker;

/// <summary>
/// Evaluates a SageMaker Search <c>SearchExpression</c> (Filters, SubExpressions with And/Or) against a
/// search record: filter names are property paths (<c>TrainingJobStatus</c>, <c>VpcConfig.Subnets</c>,
/// <c>Tags.project</c>); operators Equals, NotEquals, Contains, Exists, NotExists, In and the
/// comparisons (numbers, and timestamps given as ISO-8601 or epoch seconds).
/// </summary>
public static class SearchExpression
{
    private static readonly string[] Operators = ["Equals", "NotEquals", "GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo", "Contains", "Exists", "NotExists", "In"];

    public static bool Matches(JsonObject? expression, JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (expression is null)
        {
            return true;
        }

        var results = new List<bool>();
        foreach (var filter in expression["Filters"]?.AsArray() ?? [])
        {
            results.Add(FilterMatches(filter as JsonObject ?? throw Invalid("A filter must be an object."), record));
        }

        foreach (var sub in expression["SubExpressions"]?.AsArray() ?? [])
        {
            results.Add(Matches(sub as JsonObject, record));
        }

        var op = expression["Operator"]?.GetValue<string>() ?? "And";
        return op switch
        {
            "And" => results.All(r => r),
            "Or" => results.Count == 0 || results.Any(r => r),
            _ => throw Invalid($"Operator {op} is not one of [And, Or]."),
        };
    }

    private static bool FilterMatches(JsonObject filter, JsonObject record)
    {
        var name = filter["Name"]?.GetValue<string>() ?? throw Invalid("A filter needs a Name.");
        var op = filter["Operator"]?.GetValue<string>() ?? "Equals";
        if (!Operators.Contains(op))
        {
            throw Invalid($"Operator {op} is not one of [{string.Join(", ", Operators)}].");
        }

        var value = filter["Value"]?.GetValue<string>();
        var actual = Resolve(record, name).ToList();
        return op switch
        {
            "Exists" => actual.Count > 0,
            "NotExists" => actual.Count == 0,
            "Equals" => actual.Any(a => Text(a) == value),
            "NotEquals" => actual.All(a => Text(a) != value),
            "Contains" => value is not null && actual.Any(a => Text(a).Contains(value, StringComparison.OrdinalIgnoreCase)),
            "In" => value is not null && actual.Any(a => value.Split(',').Contains(Text(a))),
            _ => actual.Any(a => Compare(a, value, op)),
        };
    }

    private static IEnumerable<JsonNode> Resolve(JsonObject record, string path)
    {
        var parts = path.Split('.');
        IEnumerable<JsonNode?> current = [record];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                switch (node)
                {
                    case JsonObject obj when part is "Tags" && obj["Tags"] is JsonArray tags && i + 1 < parts.Length:
                        var key = string.Join('.', parts[(i + 1)..]);
                        next.AddRange(tags.Where(t => t?["Key"]?.GetValue<string>() == key).Select(t => t?["Value"]));
                        return next.Where(n => n is not null).Select(n => n!);
                    case JsonObject obj:
                        next.Add(obj[part]);
                        break;
                    case JsonArray array:
                        next.AddRange(array.Select(item => item is JsonObject o ? o[part] : null));
                        break;
                }
            }

            current = next.Where(n => n is not null);
        }

        return current.SelectMany(n => n is JsonArray a ? a.Where(x => x is not null).Select(x => x!) : [n!]);
    }

    private static string Text(JsonNode node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();

    private static bool Compare(JsonNode node, string? value, string op)
    {
        if (value is null || !TryNumber(Text(node), out var left) || !TryNumber(value, out var right))
        {
            return false;
        }

        return op switch
        {
            "GreaterThan" => left > right,
            "GreaterThanOrEqualTo" => left >= right,
            "LessThan" => left < right,
            _ => left <= right,
        };
    }

    private static bool TryNumber(string text, out double number)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            number = AwsTime.Epoch(time);
            return true;
        }

        return false;
    }

    private static ServiceException Invalid(string message) => new("ValidationException", message);
}
