namespace Portal.LocalCloud.Tests.Hosting;

/// <summary>A throw-away LocalCloud data directory (for restart tests), deleted on dispose.</summary>
internal sealed class DataDirectory : IDisposable
{
    public DataDirectory(string prefix) => Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));

    public string Path { get; }

    /// <summary>The LocalCloud settings that persist state in this directory.</summary>
    public Dictionary<string, string?> Settings => new() { ["LocalCloud:DataDirectory"] = Path };

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
