using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Portal.Aws.Protocols;

/// <summary>
/// AWS Query request bodies: <c>Action=Op&amp;Version=…</c> then members in declaration order, lists as
/// <c>Name.member.N</c>, nested members as <c>Name.Sub</c>, booleans lower-case, timestamps ISO-8601, RFC 3986 encoding.
/// </summary>
internal static class QuerySerializer
{
    public static string Serialize(string action, string version, object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pairs = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        WriteMembers(pairs, string.Empty, request);
        var body = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }

            body.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return body.ToString();
    }

    private static void WriteMembers(List<KeyValuePair<string, string>> pairs, string prefix, object value)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var member = property.GetValue(value);
            if (member is not null)
            {
                Write(pairs, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", member);
            }
        }
    }

    private static void Write(List<KeyValuePair<string, string>> pairs, string name, object value)
    {
        switch (value)
        {
            case string text:
                pairs.Add(new(name, text));
                break;
            case bool flag:
                pairs.Add(new(name, flag ? "true" : "false"));
                break;
            case DateTimeOffset time:
                pairs.Add(new(name, time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)));
                break;
            case IFormattable number:
                pairs.Add(new(name, number.ToString(null, CultureInfo.InvariantCulture)));
                break;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    index++;
                    if (item is not null)
                    {
                        Write(pairs, $"{name}.member.{index}", item);
                    }
                }

                break;
            default:
                WriteMembers(pairs, name, value);
                break;
        }
    }
}
