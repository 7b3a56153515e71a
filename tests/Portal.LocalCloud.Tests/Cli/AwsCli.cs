using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Portal.LocalCloud.Tests.Cli;

/// <summary>Runs the Debian AWS CLI v2 against LocalCloud with <c>--endpoint-url</c> (aws-wire.md §4).</summary>
public sealed class AwsCli
{
    private readonly string _endpoint;
    private readonly Dictionary<string, string> _environment;

    public AwsCli(string endpoint, string accessKey = "test", string secretKey = "test", string? sessionToken = null)
    {
        Prerequisite.Require(Prerequisite.AwsCli, "apt-get install -y awscli");
        _endpoint = endpoint;
        _environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = accessKey,
            ["AWS_SECRET_ACCESS_KEY"] = secretKey,
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
            ["AWS_PAGER"] = string.Empty,
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        if (sessionToken is not null)
        {
            _environment["AWS_SESSION_TOKEN"] = sessionToken;
        }
    }

    /// <summary>Runs a command and returns its JSON output; a non-zero exit fails the test with the CLI's message.</summary>
    public async Task<JsonObject> JsonAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardError}");
        return string.IsNullOrWhiteSpace(result.StandardOutput) ? [] : result.Json;
    }

    public async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Prerequisite.AwsCli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(_endpoint);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new ProcessResult(process.ExitCode, await output, await error);
    }

    public static string Str(JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("missing value");
}
