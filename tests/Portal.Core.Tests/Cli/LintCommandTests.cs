using System.Text.Json;
using Portal.Cli;
using Portal.Core.Guardrails;
using Portal.Core.Tests.Guardrails;

namespace Portal.Core.Tests.Cli;

public sealed class LintCommandTests : IDisposable
{
    private const string CleanTopic = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";
    private const string KeyWithoutRotation = "Resources:\n  Key:\n    Type: AWS::KMS::Key\n";
    private static readonly string OpenNotebook = RuleCases.Template(RuleCases.Notebook("DirectInternetAccess: Enabled", "RootAccess: Disabled"));

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, stdout, stderr, _dir.Path, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_clean_template_exits_zero()
    {
        _dir.Write("templates/topic.yaml", CleanTopic);

        var (exit, output, _) = await RunAsync("lint", "templates/topic.yaml");

        Assert.Equal(CliApplication.Success, exit);
        Assert.Contains("0 finding(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finding_at_or_above_the_threshold_exits_one_and_below_it_zero()
    {
        _dir.Write("templates/key.yaml", KeyWithoutRotation);

        var (defaultExit, output, _) = await RunAsync("lint", "templates/key.yaml");
        var (mediumExit, _, _) = await RunAsync("lint", "templates/key.yaml", "--fail-on", "medium");
        var (lowExit, _, _) = await RunAsync("lint", "templates/key.yaml", "--fail-on=low");

        Assert.Equal(CliApplication.Success, defaultExit);
        Assert.Contains("templates/key.yaml:2:3: medium KMS-001:", output, StringComparison.Ordinal);
        Assert.Equal(CliApplication.FindingsOrErrors, mediumExit);
        Assert.Equal(CliApplication.FindingsOrErrors, lowExit);
    }

    [Fact]
    public async Task A_critical_finding_fails_the_default_threshold()
    {
        _dir.Write("nb.yaml", OpenNotebook);

        var (exit, output, _) = await RunAsync("lint", "nb.yaml");

        Assert.Equal(CliApplication.FindingsOrErrors, exit);
        Assert.Contains("critical SM-NB-001", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parse_error_fails_even_when_findings_never_do()
    {
        _dir.Write("bad.yaml", "Resources:\n  A: [\n");

        var (exit, output, _) = await RunAsync("lint", "bad.yaml", "--fail-on", "none");

        Assert.Equal(CliApplication.FindingsOrErrors, exit);
        Assert.Contains("bad.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("error TPL001", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Globs_are_expanded_recursively_from_the_working_directory()
    {
        _dir.Write("templates/a.yaml", CleanTopic);
        _dir.Write("templates/nested/deeper/b.yaml", KeyWithoutRotation);
        _dir.Write("templates/nested/c.json", """{"Resources":{"T":{"Type":"AWS::SNS::Topic"}}}""");

        var (exit, output, _) = await RunAsync("lint", "templates/**/*.yaml", "--format", "json");

        Assert.Equal(CliApplication.Success, exit);
        using var report = JsonDocument.Parse(output);
        var files = report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()).ToList();
        Assert.Equal(["templates/a.yaml", "templates/nested/deeper/b.yaml"], files);
        Assert.Equal("KMS-001", report.RootElement.GetProperty("files")[1].GetProperty("findings")[0].GetProperty("ruleId").GetString());
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("lint", "nothing/**/*.yaml")]
    [InlineData("lint", "x.yaml", "--format", "xml")]
    [InlineData("lint", "x.yaml", "--fail-on", "severe")]
    [InlineData("lint", "x.yaml", "--colour")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task Usage_errors_exit_two_with_a_message(params string[] args)
    {
        _dir.Write("x.yaml", CleanTopic);

        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(CliApplication.UsageError, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Sarif_output_carries_rule_metadata_and_the_finding_region()
    {
        _dir.Write("templates/nb.yaml", OpenNotebook);
        _dir.Write("templates/bad.yaml", "Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n");

        var (exit, output, _) = await RunAsync("lint", "templates/*.yaml", "--format", "sarif");

        Assert.Equal(CliApplication.FindingsOrErrors, exit);
        using var sarif = JsonDocument.Parse(output);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifReportWriter.SchemaUri, root.GetProperty("$schema").GetString());
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(BaselineRules.All.Select(r => r.Id).Append("TPL"), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules.Take(BaselineRules.All.Count), r =>
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("helpUri").GetString()));
            Assert.False(string.IsNullOrEmpty(r.GetProperty("properties").GetProperty("security-severity").GetString()));
        });
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var open = results.Single(r => r.GetProperty("ruleId").GetString() == "SM-NB-001");
        Assert.Equal("error", open.GetProperty("level").GetString());
        var location = open.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("templates/nb.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(13, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(29, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(BaselineRules.All.ToList().FindIndex(r => r.Id == "SM-NB-001"), open.GetProperty("ruleIndex").GetInt32());
        var duplicate = results.Single(r => r.GetProperty("ruleId").GetString() == "TPL");
        Assert.Equal(4, duplicate.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task The_report_can_be_written_to_a_file()
    {
        _dir.Write("nb.yaml", OpenNotebook);

        var (exit, output, _) = await RunAsync("lint", "nb.yaml", "--format", "sarif", "--output", "out/report.sarif");

        Assert.Equal(CliApplication.FindingsOrErrors, exit);
        Assert.Empty(output);
        Assert.Contains("SM-NB-001", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "out", "report.sarif"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_lists_every_rule()
    {
        var (exit, output, _) = await RunAsync("rules");

        Assert.Equal(CliApplication.Success, exit);
        Assert.All(BaselineRules.All, r => Assert.Contains(r.Id, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accepted_findings_do_not_fail_the_run_until_they_expire()
    {
        _dir.Write("templates/shared/network.yaml", "Resources:\n  Igw:\n    Type: AWS::EC2::InternetGateway\n");
        _dir.Write("templates/project/network.yaml", "Resources:\n  Igw:\n    Type: AWS::EC2::InternetGateway\n");
        _dir.Write("accept.json", """
            [ { "ruleId": "NET-001", "resourceId": "Igw", "file": "templates/shared/network.yaml",
                "justification": "Mirror sync needs the internet in shared services.", "approver": "security-lead", "expiresAt": "2999-01-01T00:00:00Z" } ]
            """);
        _dir.Write("expired.json", """
            [ { "ruleId": "NET-001", "resourceId": "Igw", "justification": "Temporary until the mirror moves.", "approver": "lead", "expiresAt": "2020-01-01T00:00:00Z" } ]
            """);

        var (sharedOnly, sharedOutput, _) = await RunAsync("lint", "templates/shared/network.yaml", "--accept", "accept.json");
        var (both, _, _) = await RunAsync("lint", "templates/**/*.yaml", "--accept", "accept.json");
        var (expired, expiredOutput, _) = await RunAsync("lint", "templates/shared/network.yaml", "--accept", "expired.json");

        Assert.Equal(CliApplication.Success, sharedOnly);
        Assert.Contains("accepted NET-001: Mirror sync needs the internet in shared services.", sharedOutput, StringComparison.Ordinal);
        Assert.Equal(CliApplication.FindingsOrErrors, both);
        Assert.Equal(CliApplication.FindingsOrErrors, expired);
        Assert.Contains("expired on 2020-01-01", expiredOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_acceptances_file_is_a_usage_error()
    {
        _dir.Write("x.yaml", CleanTopic);
        _dir.Write("accept.json", """[ { "ruleId": "NET-001", "resourceId": "Igw", "expiresAt": "2999-01-01T00:00:00Z" } ]""");

        var (exit, _, error) = await RunAsync("lint", "x.yaml", "--accept", "accept.json");

        Assert.Equal(CliApplication.UsageError, exit);
        Assert.Contains("justification", error, StringComparison.Ordinal);
    }
}
