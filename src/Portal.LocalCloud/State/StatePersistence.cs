using System.Text.Json;

namespace Portal.LocalCloud.State;

/// <summary>
/// Saves the whole state atomically: write a temporary file, flush it to disk, then rename it over the
/// previous file. A crash at any moment leaves either the old or the new state, never a torn one.
/// </summary>
public sealed class StatePersistence
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly string _file;
    private readonly string _temp;

    public StatePersistence(string directory)
    {
        Directory.CreateDirectory(directory);
        _file = Path.Combine(directory, "localcloud-state.json");
        _temp = _file + ".tmp";
    }

    public string FilePath => _file;

    public CloudState Load()
    {
        if (!File.Exists(_file))
        {
            return new CloudState();
        }

        using var stream = File.OpenRead(_file);
        return JsonSerializer.Deserialize<CloudState>(stream, Json) ?? new CloudState();
    }

    public void Save(CloudState state)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, Json);
        using (var stream = new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(_temp, _file, overwrite: true);
    }

    public static string Serialize(CloudState state) => JsonSerializer.Serialize(state, new JsonSerializerOptions { WriteIndented = true });
}
