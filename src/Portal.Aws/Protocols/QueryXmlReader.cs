using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Xml.Linq;

namespace Portal.Aws.Protocols;

/// <summary>
/// Reads AWS Query XML results into response shapes by member name, ignoring namespaces: lists are
/// <c>&lt;member&gt;</c> elements, timestamps ISO-8601, and members marked <see cref="UrlEncodedAttribute"/> are decoded.
/// </summary>
internal static class QueryXmlReader
{
    public static T Read<T>(XElement? element)
        where T : class, new() => (T)ReadObject(typeof(T), element);

    private static object ReadObject(Type type, XElement? element)
    {
        var instance = Activator.CreateInstance(type)!;
        if (element is null)
        {
            return instance;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite)
            {
                continue;
            }

            var child = element.Elements().FirstOrDefault(e => e.Name.LocalName == property.Name);
            if (child is null)
            {
                continue;
            }

            var value = ReadValue(property.PropertyType, child);
            if (value is string text && property.GetCustomAttribute<UrlEncodedAttribute>() is not null)
            {
                value = Uri.UnescapeDataString(text);
            }

            property.SetValue(instance, value);
        }

        return instance;
    }

    private static object? ReadValue(Type type, XElement element)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var text = element.Value;
        if (underlying == typeof(string))
        {
            return text;
        }

        if (underlying == typeof(bool))
        {
            return string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        if (underlying == typeof(int))
        {
            return int.Parse(text, CultureInfo.InvariantCulture);
        }

        if (underlying == typeof(long))
        {
            return long.Parse(text, CultureInfo.InvariantCulture);
        }

        if (underlying == typeof(double))
        {
            return double.Parse(text, CultureInfo.InvariantCulture);
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var itemType = underlying.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            foreach (var member in element.Elements().Where(e => e.Name.LocalName == "member"))
            {
                list.Add(ReadValue(itemType, member));
            }

            return list;
        }

        return ReadObject(underlying, element);
    }
}
