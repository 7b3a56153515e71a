using System.Globalization;

namespace Portal.LocalCloud.Protocols;

/// <summary>
/// The parameters of a Query or EC2 request: flat names such as <c>RoleName</c>, query lists
/// <c>Names.member.N</c>, query structures <c>Tags.member.N.Key</c> and EC2 lists <c>Filter.N.Value.M</c>.
/// </summary>
public sealed class QueryInput
{
    private readonly Dictionary<string, string> _values;

    public QueryInput(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            _values[pair.Key] = pair.Value;
        }
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public string Required(string name) =>
        Get(name) is { Length: > 0 } v
            ? v
            : throw new ServiceException("ValidationError", $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    public int? Int(string name) =>
        Get(name) is { } v
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
                ? i
                : throw new ServiceException("ValidationError", $"Invalid integer value '{v}' for {name}.")
            : null;

    public bool? Bool(string name) =>
        Get(name) is { } v ? string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>Values of a list serialised as <c>prefix.N</c> (EC2) or <c>prefix.member.N</c> (query).</summary>
    public IReadOnlyList<string> List(string prefix)
    {
        return Indexed(prefix)
            .Where(e => e.Tail.Length == 0)
            .OrderBy(e => e.Index)
            .Select(e => e.Value)
            .ToList();
    }

    /// <summary>Structures of a list: for each index, the members below it by their relative name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Structures(string prefix)
    {
        return Indexed(prefix)
            .Where(e => e.Tail.Length > 0)
            .GroupBy(e => e.Index)
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyDictionary<string, string>)g.ToDictionary(e => e.Tail, e => e.Value, StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>Entries of a map serialised as <c>prefix.entry.N.key</c> / <c>.value</c>.</summary>
    public IReadOnlyDictionary<string, string> Map(string prefix)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in Structures(prefix))
        {
            var key = s.GetValueOrDefault("key") ?? s.GetValueOrDefault("Key");
            var value = s.GetValueOrDefault("value") ?? s.GetValueOrDefault("Value");
            if (key is not null)
            {
                result[key] = value ?? string.Empty;
            }
        }

        return result;
    }

    private IEnumerable<(int Index, string Tail, string Value)> Indexed(string prefix)
    {
        foreach (var (key, value) in _values)
        {
            string rest;
            if (key.StartsWith(prefix + ".member.", StringComparison.Ordinal))
            {
                rest = key[(prefix.Length + 8)..];
            }
            else if (key.StartsWith(prefix + ".entry.", StringComparison.Ordinal))
            {
                rest = key[(prefix.Length + 7)..];
            }
            else if (key.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                rest = key[(prefix.Length + 1)..];
            }
            else
            {
                continue;
            }

            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var indexText = dot >= 0 ? rest[..dot] : rest;
            if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            yield return (index, dot >= 0 ? rest[(dot + 1)..] : string.Empty, value);
        }
    }
}
