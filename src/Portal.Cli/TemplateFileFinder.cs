using Microsoft.Extensions.FileSystemGlobbing;

namespace Portal.Cli;

/// <summary>Expands file names and glob patterns (<c>templates/**/*.yaml</c>) relative to a working directory.</summary>
public static class TemplateFileFinder
{
    /// <summary>The matched files (full paths, sorted, distinct) and the inputs that matched nothing.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Unmatched) Expand(IEnumerable<string> inputs, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        foreach (var input in inputs)
        {
            var before = files.Count;
            if (input.IndexOfAny(['*', '?', '[']) < 0)
            {
                var path = Path.GetFullPath(input, workingDirectory);
                if (File.Exists(path))
                {
                    files.Add(path);
                }
                else if (Directory.Exists(path))
                {
                    AddMatches(files, path, ["**/*.yaml", "**/*.yml", "**/*.json", "**/*.template"]);
                }
            }
            else
            {
                var (root, pattern) = SplitRoot(input.Replace('\\', '/'), workingDirectory);
                if (Directory.Exists(root))
                {
                    AddMatches(files, root, [pattern]);
                }
            }

            if (files.Count == before)
            {
                unmatched.Add(input);
            }
        }

        return (files.ToList(), unmatched);
    }

    private static void AddMatches(SortedSet<string> files, string root, string[] patterns)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);
        foreach (var file in matcher.GetResultsInFullPath(root))
        {
            files.Add(Path.GetFullPath(file));
        }
    }

    /// <summary>Splits <c>/abs/dir/**/*.yaml</c> into the fixed directory and the wildcard part.</summary>
    private static (string Root, string Pattern) SplitRoot(string input, string workingDirectory)
    {
        var segments = input.Split('/');
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && segments[fixedCount].IndexOfAny(['*', '?', '[']) < 0)
        {
            fixedCount++;
        }

        var fixedPart = string.Join('/', segments.Take(fixedCount));
        var root = fixedPart.Length == 0 && input.StartsWith('/') ? "/" : Path.GetFullPath(fixedPart.Length == 0 ? "." : fixedPart, workingDirectory);
        return (root, string.Join('/', segments.Skip(fixedCount)));
    }
}
