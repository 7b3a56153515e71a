namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>Reads the repository's own CloudFormation templates (templates/ at the root of the repository).</summary>
internal static class Templates
{
    private static readonly string Root = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static string PathOf(string relativePath) => Path.Combine(Root, "templates", relativePath);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "templates", "platform")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("templates/ not found above " + AppContext.BaseDirectory);
    }
}
