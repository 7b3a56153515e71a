using System.Text.Json.Nodes;

namespace Portal.LocalCloud.Protocols;

/// <summary>Removes null members from JSON output: AWS omits absent members instead of sending null.</summary>
public static class JsonNulls
{
    public static JsonNode Strip(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, value) in obj)
                {
                    Strip(value!);
                }

                break;
            case JsonArray array:
                foreach (var item in array.Where(i => i is not null))
                {
                    Strip(item!);
                }

                break;
        }

        return node;
    }
}
