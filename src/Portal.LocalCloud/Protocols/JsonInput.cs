using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.LocalCloud.Protocols;

/// <summary>
/// Typed, validating access to a JSON 1.1 request body. Violations raise the service's validation error
/// with AWS's "1 validation error detected" wording.
/// </summary>
public sealed class JsonInput
{
    private readonly string _validationCode;

    public JsonInput(JsonObject body, string validationCode)
    {
        Body = body;
        _validationCode = validationCode;
    }

    public JsonObject Body { get; }

    public bool Has(string name) => Body[name] is not null;

    public string? Str(string name)
    {
        var node = Body[name];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw Invalid(name, "Member must be a string");
    }

    public string Required(string name) =>
        Str(name) ?? throw Invalid(name, "Member must not be null", "null");

    public string Required(string name, int min, int max, string? pattern = null)
    {
        var value = Required(name);
        Check(name, value, min, max, pattern);
        return value;
    }

    public string? Optional(string name, int min, int max, string? pattern = null)
    {
        var value = Str(name);
        if (value is not null)
        {
            Check(name, value, min, max, pattern);
        }

        return value;
    }

    public string? Enum(string name, params string[] allowed)
    {
        var value = Str(name);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw Invalid(name, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]", value);
        }

        return value;
    }

    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        var node = Body[name];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<int>(out var i))
        {
            throw Invalid(name, "Member must be an integer");
        }

        if (i < min)
        {
            throw Invalid(name, $"Member must have value greater than or equal to {min}", i.ToString(CultureInfo.InvariantCulture));
        }

        if (i > max)
        {
            throw Invalid(name, $"Member must have value less than or equal to {max}", i.ToString(CultureInfo.InvariantCulture));
        }

        return i;
    }

    public bool? Bool(string name)
    {
        var node = Body[name];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValue<bool>()
            : throw Invalid(name, "Member must be a boolean");
    }

    public DateTimeOffset? Time(string name)
    {
        var node = Body[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<double>(out var seconds))
        {
            return AwsTime.FromEpoch(seconds);
        }

        if (node is JsonValue s && s.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw Invalid(name, "Member must be a timestamp");
    }

    public JsonObject? Obj(string name) =>
        Body[name] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw Invalid(name, "Member must be a structure"),
        };

    public JsonArray Array(string name) =>
        Body[name] switch
        {
            null => [],
            JsonArray a => a,
            _ => throw Invalid(name, "Member must be a list"),
        };

    public IReadOnlyList<string> Strings(string name) =>
        Array(name).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Invalid(name, "Member must be a list of strings")).ToList();

    /// <summary>A list of <c>{Key, Value}</c> tags.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags(string name = "Tags", int max = 50)
    {
        var array = Array(name);
        if (array.Count > max)
        {
            throw Invalid(name, $"Member must have length less than or equal to {max}");
        }

        var tags = new List<KeyValuePair<string, string>>();
        foreach (var node in array)
        {
            var key = node?["Key"]?.GetValue<string>() ?? throw Invalid(name + ".member.Key", "Member must not be null", "null");
            var value = node?["Value"]?.GetValue<string>() ?? string.Empty;
            if (key.Length is < 1 or > 128)
            {
                throw Invalid(name + ".member.Key", "Member must have length between 1 and 128", key);
            }

            if (value.Length > 256)
            {
                throw Invalid(name + ".member.Value", "Member must have length less than or equal to 256", value);
            }

            tags.Add(new(key, value));
        }

        return tags;
    }

    public ServiceException Invalid(string name, string constraint, string? value = null)
    {
        var member = char.ToLowerInvariant(name[0]) + name[1..];
        return new ServiceException(
            _validationCode,
            $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");
    }

    private void Check(string name, string value, int min, int max, string? pattern)
    {
        if (value.Length < min || value.Length > max)
        {
            throw Invalid(name, $"Member must have length {(min == max ? "of " + min : $"between {min} and {max}")}", value);
        }

        if (pattern is not null && !Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            throw Invalid(name, $"Member must satisfy regular expression pattern: {pattern}", value);
        }
    }
}
