namespace Portal.LocalCloud.Protocols;

/// <summary>Parses <c>application/x-www-form-urlencoded</c> text and raw query strings.</summary>
public static class QueryString
{
    public static List<KeyValuePair<string, string>> Parse(string raw, bool plusIsSpace)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(raw))
        {
            return result;
        }

        foreach (var part in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq >= 0 ? part[..eq] : part;
            var value = eq >= 0 ? part[(eq + 1)..] : string.Empty;
            result.Add(new(Decode(key, plusIsSpace), Decode(value, plusIsSpace)));
        }

        return result;
    }

    public static string Decode(string value, bool plusIsSpace)
    {
        if (plusIsSpace)
        {
            value = value.Replace('+', ' ');
        }

        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
