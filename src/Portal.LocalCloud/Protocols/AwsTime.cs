using System.Globalization;

namespace Portal.LocalCloud.Protocols;

/// <summary>Timestamp formats of the wire protocols.</summary>
public static class AwsTime
{
    /// <summary>ISO-8601 with milliseconds, as the query and EC2 protocols send it.</summary>
    public static string Iso(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Epoch seconds with fractions, as JSON 1.1 sends it.</summary>
    public static double Epoch(DateTimeOffset t) => Math.Round(t.ToUnixTimeMilliseconds() / 1000.0, 3);

    /// <summary>RFC 1123, as S3 sends Last-Modified.</summary>
    public static string Rfc1123(DateTimeOffset t) => t.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    public static DateTimeOffset FromEpoch(double seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
}
