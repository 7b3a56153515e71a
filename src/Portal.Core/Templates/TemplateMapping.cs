namespace Portal.Core.Templates;

/// <summary>A mapping of keys to values, in the order the author wrote them. Keys are unique.</summary>
public sealed class TemplateMapping : TemplateValue
{
    private readonly Dictionary<string, TemplateProperty> _byKey;

    public TemplateMapping(IReadOnlyList<TemplateProperty> properties, SourcePosition position)
        : base(position)
    {
        Properties = properties;
        _byKey = new Dictionary<string, TemplateProperty>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            _byKey.TryAdd(property.Key, property);
        }
    }

    public static TemplateMapping Empty { get; } = new([], SourcePosition.None);

    public IReadOnlyList<TemplateProperty> Properties { get; }

    public TemplateValue? this[string key] => _byKey.TryGetValue(key, out var property) ? property.Value : null;

    public TemplateProperty? GetProperty(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Looks a key up ignoring case (IAM policy element names are case-insensitive in practice).</summary>
    public TemplateValue? GetIgnoreCase(string key)
    {
        if (_byKey.TryGetValue(key, out var exact))
        {
            return exact.Value;
        }

        return Properties.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;
    }

    public string? GetString(string key) => this[key] is TemplateScalar { IsNull: false } scalar ? scalar.Value : null;

    public override string Describe() => $"{{{string.Join(", ", Properties.Take(3).Select(p => p.Key))}{(Properties.Count > 3 ? ", …" : "")}}}";
}
