namespace Portal.LocalCloud.Protocols;

/// <summary>A buffered HTTP request as it arrived on the wire (raw path and query, de-chunked body).</summary>
public sealed class WireRequest
{
    public required string Method { get; init; }

    /// <summary>The path exactly as sent (still percent-encoded).</summary>
    public required string RawPath { get; init; }

    /// <summary>The query string without the leading <c>?</c>, still percent-encoded.</summary>
    public required string RawQuery { get; init; }

    /// <summary>Header values by lower-case name.</summary>
    public required IReadOnlyDictionary<string, string[]> Headers { get; init; }

    /// <summary>The body as received (before aws-chunked decoding).</summary>
    public required byte[] RawBody { get; init; }

    /// <summary>The payload (aws-chunked bodies decoded).</summary>
    public required byte[] Body { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public string? Header(string name) =>
        Headers.TryGetValue(name.ToLowerInvariant(), out var values) && values.Length > 0 ? string.Join(',', values) : null;

    public string? QueryValue(string name)
    {
        foreach (var pair in Query)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public bool HasQuery(string name) => Query.Any(p => p.Key == name);

    /// <summary>The media type of the Content-Type header, without parameters such as charset.</summary>
    public string MediaType
    {
        get
        {
            var contentType = Header("content-type") ?? string.Empty;
            var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
            return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
        }
    }
}
