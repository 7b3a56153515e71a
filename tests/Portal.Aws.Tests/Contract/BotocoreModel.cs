using System.IO.Compression;
using System.Text.Json;

namespace Portal.Aws.Tests.Contract;

/// <summary>
/// A botocore service model (service-2.json, plain or gzipped). Looked up under <c>BOTOCORE_DATA_DIR</c>, then
/// Debian's python3-botocore at /usr/lib/python3/dist-packages/botocore/data.
/// </summary>
internal sealed class BotocoreModel
{
    public static IReadOnlyList<string> DataDirectories { get; } =
        new[] { Environment.GetEnvironmentVariable("BOTOCORE_DATA_DIR") ?? string.Empty, "/usr/lib/python3/dist-packages/botocore/data" }
            .Where(d => d.Length > 0)
            .ToArray();

    private BotocoreModel(string path, JsonElement root)
    {
        Path = path;
        Metadata = root.GetProperty("metadata");
        Operations = root.GetProperty("operations");
        Shapes = root.GetProperty("shapes");
    }

    public string Path { get; }

    public JsonElement Metadata { get; }

    public JsonElement Operations { get; }

    public JsonElement Shapes { get; }

    public string Protocol => Metadata.GetProperty("protocol").GetString()!;

    public string? TargetPrefix => Metadata.TryGetProperty("targetPrefix", out var p) ? p.GetString() : null;

    public string ApiVersion => Metadata.GetProperty("apiVersion").GetString()!;

    public string SigningName => Metadata.TryGetProperty("signingName", out var s) ? s.GetString()! : Metadata.GetProperty("endpointPrefix").GetString()!;

    /// <summary>Loads the model for a service and API version, or null when botocore's data is not installed.</summary>
    public static BotocoreModel? TryLoad(string service, string apiVersion, IReadOnlyList<string>? directories = null)
    {
        foreach (var directory in directories ?? DataDirectories)
        {
            var folder = System.IO.Path.Combine(directory, service, apiVersion);
            var plain = System.IO.Path.Combine(folder, "service-2.json");
            if (File.Exists(plain))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(plain));
                return new BotocoreModel(plain, document.RootElement.Clone());
            }

            var gzipped = plain + ".gz";
            if (File.Exists(gzipped))
            {
                using var file = File.OpenRead(gzipped);
                using var gzip = new GZipStream(file, CompressionMode.Decompress);
                using var document = JsonDocument.Parse(gzip);
                return new BotocoreModel(gzipped, document.RootElement.Clone());
            }
        }

        return null;
    }
}
