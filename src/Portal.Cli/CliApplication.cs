using Portal.Core.Guardrails;
using Portal.Core.Templates;

namespace Portal.Cli;

/// <summary>The <c>portal</c> command line: <c>portal lint</c> and <c>portal rules</c>.</summary>
public static class CliApplication
{
    public const int Success = 0;
    public const int FindingsOrErrors = 1;
    public const int UsageError = 2;

    private const string Usage = """
        portal lint <files or globs>... [--format text|json|sarif] [--fail-on critical|high|medium|low|none] [--output <file>] [--accept <file.json>]
          Analyses CloudFormation templates (YAML or JSON) and checks the security guardrails.
          Exit code 0: clean; 1: a parse error or a finding at or above --fail-on (default: high); 2: usage error.
          --accept: JSON array of {ruleId, resourceId, justification, approver, expiresAt, file?, propertyPath?};
          accepted findings are reported separately and do not fail the run until they expire.
        portal rules
          Lists every guardrail with its severity.
        portal --version
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string workingDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        switch (args)
        {
            case []:
                await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
                return UsageError;
            case ["--help" or "-h" or "help", ..]:
                await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
                return Success;
            case ["--version"]:
                await stdout.WriteLineAsync(typeof(CliApplication).Assembly.GetName().Version?.ToString(3) ?? "0.0.0").ConfigureAwait(false);
                return Success;
            case ["rules", ..]:
                foreach (var rule in BaselineRules.All)
                {
                    await stdout.WriteLineAsync($"{rule.Id,-11} {rule.Severity,-8} {rule.Title}").ConfigureAwait(false);
                }

                return Success;
            case ["lint", ..] when args.Skip(1).Any(a => a is "--help" or "-h"):
                await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
                return Success;
            case ["lint", ..]:
                return await LintAsync(args.Skip(1).ToList(), stdout, stderr, workingDirectory, cancellationToken).ConfigureAwait(false);
            default:
                await stderr.WriteLineAsync($"Unknown command '{args[0]}'.{Environment.NewLine}{Usage}").ConfigureAwait(false);
                return UsageError;
        }
    }

    private static async Task<int> LintAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string workingDirectory, CancellationToken cancellationToken)
    {
        var parsed = LintOptions.Parse(args);
        if (!parsed.IsSuccess)
        {
            await stderr.WriteLineAsync(parsed.Error!.Message).ConfigureAwait(false);
            return UsageError;
        }

        var options = parsed.Value;
        var (files, unmatched) = TemplateFileFinder.Expand(options.Inputs, workingDirectory);
        foreach (var input in unmatched)
        {
            await stderr.WriteLineAsync($"No template matches '{input}'.").ConfigureAwait(false);
        }

        if (files.Count == 0)
        {
            return UsageError;
        }

        IReadOnlyList<(string? File, FindingAcceptance Acceptance)> acceptances = [];
        if (options.AcceptPath is not null)
        {
            var read = await AcceptanceFile.ReadAsync(Path.GetFullPath(options.AcceptPath, workingDirectory), cancellationToken).ConfigureAwait(false);
            if (!read.IsSuccess)
            {
                await stderr.WriteLineAsync(read.Error!.Message).ConfigureAwait(false);
                return UsageError;
            }

            acceptances = read.Value;
        }

        var engine = new GuardrailEngine(TimeProvider.System);
        var results = new List<LintedFile>();
        foreach (var file in files)
        {
            var display = Path.GetRelativePath(workingDirectory, file).Replace('\\', '/');
            TemplateAnalysis analysis;
            try
            {
                analysis = await TemplateAnalyzer.AnalyzeFileAsync(file, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                analysis = new TemplateAnalysis(file, null, [new TemplateDiagnostic(TemplateErrorCodes.Unreadable, $"The file could not be read: {ex.Message}", 0, 0)]);
            }
            catch (UnauthorizedAccessException ex)
            {
                analysis = new TemplateAnalysis(file, null, [new TemplateDiagnostic(TemplateErrorCodes.Unreadable, $"The file could not be read: {ex.Message}", 0, 0)]);
            }

            var forFile = acceptances.Where(a => a.File is null || a.File == display).Select(a => a.Acceptance).ToList();
            var report = analysis.Template is { } template ? engine.Evaluate(template, forFile, cancellationToken) : GuardrailReport.Empty;
            results.Add(new LintedFile(display, analysis, report));
        }

        var writer = stdout;
        StreamWriter? fileWriter = null;
        if (options.OutputPath is not null)
        {
            var outputPath = Path.GetFullPath(options.OutputPath, workingDirectory);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
                fileWriter = new StreamWriter(outputPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"Cannot write the report to '{options.OutputPath}': {ex.Message}").ConfigureAwait(false);
                return UsageError;
            }

            writer = fileWriter;
        }

        try
        {
            var text = options.Format switch
            {
                OutputFormat.Json => JsonReportWriter.Write(results),
                OutputFormat.Sarif => SarifReportWriter.Write(results, engine.Rules, workingDirectory),
                _ => TextReportWriter.Write(results, options.FailOn),
            };
            await writer.WriteAsync(text).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (fileWriter is not null)
            {
                await fileWriter.DisposeAsync().ConfigureAwait(false);
            }
        }

        var failed = results.Any(r => r.Analysis.Errors.Count > 0)
            || (options.FailOn is { } threshold && results.Any(r => r.Report.HasFindingsAtOrAbove(threshold)));
        return failed ? FindingsOrErrors : Success;
    }
}
