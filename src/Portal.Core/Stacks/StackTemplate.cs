namespace Portal.Core.Stacks;

/// <summary>A template given either inline (Body, ≤51,200 bytes) or by URL (≤1 MB). Exactly one is set.</summary>
public sealed record StackTemplate(string? Body, string? Url)
{
    public static StackTemplate FromBody(string body) => new(body, null);

    public static StackTemplate FromUrl(string url) => new(null, url);
}
