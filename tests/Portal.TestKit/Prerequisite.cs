namespace Portal.TestKit;

/// <summary>
/// Decides what a test does when something it needs (PostgreSQL, Chromium, the AWS CLI) is missing:
/// outside CI it is skipped with the reason; with <c>CI=true</c> it fails, so CI never passes by skipping.
/// </summary>
public static class Prerequisite
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the reason to skip, or throws when running in CI.</summary>
    public static string Missing(string what)
    {
        if (IsCi)
        {
            throw new InvalidOperationException($"Prerequisite missing in CI: {what}. tests/run.sh installs it when run as root.");
        }

        return $"Skipped: {what} (tests/run.sh installs it when run as root).";
    }
}
