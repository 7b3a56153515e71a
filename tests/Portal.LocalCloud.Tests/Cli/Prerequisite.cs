namespace Portal.LocalCloud.Tests.Cli;

/// <summary>
/// Independent clients the conformance tests need. Missing ones skip the test locally and fail it
/// under <c>CI=true</c> (nothing may be skipped in CI).
/// </summary>
public static class Prerequisite
{
    public const string AwsCli = "/usr/bin/aws";
    public const string Python = "/usr/bin/python3";

    public static void Require(string path, string install)
    {
        if (File.Exists(path))
        {
            return;
        }

        var message = $"{path} is not installed ({install}).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " CI=true: conformance tests may not be skipped.");
        }

        Assert.Skip(message);
    }

    public static void RequireBoto3()
    {
        Require(Python, "apt-get install -y python3-boto3");
        if (!File.Exists("/usr/lib/python3/dist-packages/boto3/__init__.py"))
        {
            Require("/usr/lib/python3/dist-packages/boto3/__init__.py", "apt-get install -y python3-boto3");
        }
    }
}
