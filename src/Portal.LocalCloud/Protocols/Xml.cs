using System.Globalization;
using System.Xml.Linq;

namespace Portal.LocalCloud.Protocols;

/// <summary>Small builders for query/EC2/S3 XML (elements without a namespace; the writer applies it).</summary>
public static class Xml
{
    public static XElement E(string name, params object?[] content) => new(name, content);

    /// <summary>An element, or null (skipped by XElement) when the value is null.</summary>
    public static XElement? Opt(string name, object? value) =>
        value switch
        {
            null => null,
            bool b => new XElement(name, b ? "true" : "false"),
            DateTimeOffset t => new XElement(name, AwsTime.Iso(t)),
            IFormattable f => new XElement(name, f.ToString(null, CultureInfo.InvariantCulture)),
            _ => new XElement(name, value),
        };

    /// <summary>A list element with one child per item (<c>member</c> for query, <c>item</c> for EC2).</summary>
    public static XElement List<T>(string name, string itemName, IEnumerable<T> items, Func<T, object?[]> content) =>
        new(name, items.Select(i => new XElement(itemName, content(i))));

    public static XElement Strings(string name, string itemName, IEnumerable<string> items) =>
        new(name, items.Select(i => new XElement(itemName, i)));

    /// <summary>Moves an element tree into a namespace.</summary>
    public static XElement InNamespace(XElement root, string ns)
    {
        XNamespace x = ns;
        foreach (var e in root.DescendantsAndSelf())
        {
            e.Name = x + e.Name.LocalName;
        }

        return root;
    }
}
