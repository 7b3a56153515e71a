using System.Diagnostics;
using System.Text.Json.Nodes;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Cli;

/// <summary>boto3 (Debian python3-boto3) runs one full flow with paginators against LocalCloud.</summary>
public sealed class Boto3FlowTests(LocalCloudFixture cloud)
{
    [Fact]
    public async Task A_boto3_flow_with_paginators_sees_every_item_exactly_once()
    {
        Prerequisite.RequireBoto3();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "boto3_flow.py");
        var start = new ProcessStartInfo(Prerequisite.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(cloud.Endpoint);
        start.ArgumentList.Add(suffix);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, await error);
        var summary = JsonNode.Parse(await output)!.AsObject();

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"boto-role-{suffix}-{i}"), summary["roles"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal($"arn:aws:sts::000000000000:assumed-role/boto-role-{suffix}-0/bob", summary["caller"]!.GetValue<string>());
        Assert.Equal(7, summary["objects"]!.GetValue<int>());
        Assert.Equal("a,b\n1,2\n", summary["body"]!.GetValue<string>());
        Assert.Equal(12, summary["parameters"]!.GetValue<int>());
        Assert.Equal(Enumerable.Repeat("InService", 5), summary["notebooks"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("project", summary["tags"]![0]!["Key"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"boto-{suffix}-{i}"), summary["portfolios"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("ResourceNotFound", summary["missing"]!.GetValue<string>());
    }
}
