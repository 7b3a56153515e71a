using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>Fluent construction of <see cref="ResourceTypeCatalog"/> entries.</summary>
internal sealed class CatalogBuilder
{
    private readonly List<Entry> _entries = [];

    public Entry Add(
        string type,
        string? nameProperty,
        int maxNameLength,
        Func<ResourceIdentity, string> reference,
        params KeyValuePair<string, Func<ResourceIdentity, JsonNode?>>[] attributes)
    {
        var entry = new Entry(type, nameProperty, maxNameLength, reference, attributes);
        _entries.Add(entry);
        return entry;
    }

    public Dictionary<string, ResourceTypeInfo> Build() => _entries.ToDictionary(e => e.Type, e => e.ToInfo(), StringComparer.Ordinal);

    internal sealed class Entry(
        string type,
        string? nameProperty,
        int maxNameLength,
        Func<ResourceIdentity, string> reference,
        KeyValuePair<string, Func<ResourceIdentity, JsonNode?>>[] attributes)
    {
        private readonly HashSet<string> _required = new(StringComparer.Ordinal);
        private readonly HashSet<string> _replace = new(StringComparer.Ordinal);
        private string? _namedIam;
        private bool _lowerCase;

        public string Type => type;

        /// <summary>How service ids are generated: prefix, length and alphabet (see <see cref="PhysicalIds"/>).</summary>
        public IdShape Shape { get; private set; } = new("id-", 17, IdAlphabet.Hex);

        public Entry Required(params string[] names)
        {
            _required.UnionWith(names);
            return this;
        }

        public Entry Replace(params string[] names)
        {
            _replace.UnionWith(names);
            return this;
        }

        public Entry NamedIam(string property)
        {
            _namedIam = property;
            return this;
        }

        public Entry LowerCase()
        {
            _lowerCase = true;
            return this;
        }

        public Entry Id(string? prefix, int length = 17, bool upper = false, bool alnum = false, bool hex = false)
        {
            var alphabet = (upper, alnum, hex, length) switch
            {
                (true, _, _, _) => IdAlphabet.UpperAlphanumeric,
                (_, true, _, _) => IdAlphabet.LowerAlphanumeric,
                (_, _, true, _) => IdAlphabet.Hex,
                (_, _, _, 26) => IdAlphabet.MixedAlphanumeric,
                _ => IdAlphabet.Hex,
            };
            Shape = new IdShape(prefix ?? string.Empty, length, alphabet);
            return this;
        }

        public Entry Uuid()
        {
            Shape = new IdShape(string.Empty, 36, IdAlphabet.Uuid);
            return this;
        }

        public ResourceTypeInfo ToInfo() => new(
            type,
            nameProperty,
            maxNameLength == 0 ? 64 : maxNameLength,
            _lowerCase,
            Shape.Prefix,
            reference,
            attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
            _required,
            _replace)
        {
            NamedIamProperty = _namedIam,
            IdShape = Shape,
        };
    }
}
