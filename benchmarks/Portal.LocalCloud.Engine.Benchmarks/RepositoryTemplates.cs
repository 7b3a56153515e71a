namespace Portal.LocalCloud.Engine.Benchmarks;

/// <summary>The repository's own CloudFormation templates (templates/ at the root, found above the running assembly).</summary>
public static class RepositoryTemplates
{
    public static string Read(string relativePath)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "templates", "platform")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("templates/ not found above " + AppContext.BaseDirectory)
            : File.ReadAllText(Path.Combine(dir.FullName, "templates", relativePath));
    }
}
