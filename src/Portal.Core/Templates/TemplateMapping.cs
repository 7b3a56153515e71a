namespace Portal.Core.Templates;

/// <summary>A mapping of keys to values, in the order the author wrote them. Keys are unique.</summary>
public sealed class TemplateMapping : TemplateValue
{
    private const int IndexThreshold = 8;

    // Most mappings are small: they are searched linearly and only large ones get an index.
    private readonly Dictionary<string, TemplateProperty>? _byKey;

    public TemplateMapping(IReadOnlyList<TemplateProperty> properties, SourcePosition position)
        : base(position)
    {
        Properties = properties;
        if (properties.Count > IndexThreshold)
        {
            _byKey = new Dictionary<string, TemplateProperty>(properties.Count, StringComparer.Ordinal);
            foreach (var property in properties)
            {
                _byKey.TryAdd(property.Key, property);
            }
        }
    }

    public static TemplateMapping Empty { get; } = new([], SourcePosition.None);

    public IReadOnlyList<TemplateProperty> Properties { get; }

    public TemplateValue? this[string key] => GetProperty(key)?.Value;

    public TemplateProperty? GetProperty(string key)
    {
        if (_byKey is not null)
        {
            return _byKey.GetValueOrDefault(key);
        }

        foreach (var property in Properties)
        {
            if (string.Equals(property.Key, key, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>Looks a key up ignoring case (IAM policy element names are case-insensitive in practice).</summary>
    public TemplateValue? GetIgnoreCase(string key)
    {
        if (GetProperty(key) is { } exact)
        {
            return exact.Value;
        }

        return Properties.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;
    }

    public string? GetString(string key) => this[key] is TemplateScalar { IsNull: false } scalar ? scalar.Value : null;

    public override string Describe() => $"{{{string.Join(", ", Properties.Take(3).Select(p => p.Key))}{(Properties.Count > 3 ? ", …" : "")}}}";
}
