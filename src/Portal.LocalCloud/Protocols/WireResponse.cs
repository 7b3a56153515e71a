using System.Text;

namespace Portal.LocalCloud.Protocols;

/// <summary>What LocalCloud answers: status, content type, extra headers and body.</summary>
public sealed class WireResponse
{
    public int StatusCode { get; init; } = 200;

    public string? ContentType { get; init; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public byte[] Body { get; init; } = [];

    /// <summary>For HEAD: the length the body would have (Content-Length without a body).</summary>
    public long? ContentLengthOverride { get; init; }

    public static WireResponse Text(int status, string contentType, string body) =>
        new() { StatusCode = status, ContentType = contentType, Body = Encoding.UTF8.GetBytes(body) };
}
