using System.Text.Json.Nodes;

namespace Portal.LocalCloud.Tests.Cli;

/// <summary>Exit code and output of a client process.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public JsonObject Json => JsonNode.Parse(StandardOutput) as JsonObject ?? throw new InvalidOperationException("Not a JSON object: " + StandardOutput);
}
