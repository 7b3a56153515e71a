using System.Text;
using System.Text.Json;

namespace Portal.Aws.Tests.Fakes;

/// <summary>One request as it left the client: method, URI, every header (request and content) and the body bytes.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>Form fields of a query-protocol body, decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form() =>
        BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : string.Empty)))
            .ToList();

    public string? FormValue(string key) => Form().Where(kv => kv.Key == key).Select(kv => kv.Value).FirstOrDefault();
}
