using Portal.Core.Common;
using Portal.Core.Guardrails;

namespace Portal.Cli;

/// <summary>The arguments of <c>portal lint</c>.</summary>
/// <param name="Inputs">Files and glob patterns.</param>
/// <param name="Format">Report format.</param>
/// <param name="FailOn">Lowest severity that fails the run; null = findings never fail it (parse errors still do).</param>
/// <param name="OutputPath">Write the report to this file instead of standard output.</param>
/// <param name="AcceptPath">A JSON file of accepted findings (see <see cref="AcceptanceFile"/>).</param>
public sealed record LintOptions(IReadOnlyList<string> Inputs, OutputFormat Format, GuardrailSeverity? FailOn, string? OutputPath, string? AcceptPath = null)
{
    public static Result<LintOptions> Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var inputs = new List<string>();
        var format = OutputFormat.Text;
        GuardrailSeverity? failOn = GuardrailSeverity.High;
        string? output = null;
        string? accept = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitOption(args[i]);
            switch (name)
            {
                case "--format" or "-f":
                    var formatText = inlineValue ?? Next(args, ref i);
                    if (!Enum.TryParse(formatText, ignoreCase: true, out format) || !Enum.IsDefined(format))
                    {
                        return Error.Validation("cli.format", $"Unknown format '{formatText}'. Use text, json or sarif.");
                    }

                    break;
                case "--fail-on":
                    var severityText = inlineValue ?? Next(args, ref i);
                    if (string.Equals(severityText, "none", StringComparison.OrdinalIgnoreCase))
                    {
                        failOn = null;
                    }
                    else if (Enum.TryParse<GuardrailSeverity>(severityText, ignoreCase: true, out var severity) && Enum.IsDefined(severity))
                    {
                        failOn = severity;
                    }
                    else
                    {
                        return Error.Validation("cli.fail-on", $"Unknown severity '{severityText}'. Use critical, high, medium, low or none.");
                    }

                    break;
                case "--output" or "-o":
                    output = inlineValue ?? Next(args, ref i);
                    if (string.IsNullOrWhiteSpace(output))
                    {
                        return Error.Validation("cli.output", "--output needs a file path.");
                    }

                    break;
                case "--accept":
                    accept = inlineValue ?? Next(args, ref i);
                    if (string.IsNullOrWhiteSpace(accept))
                    {
                        return Error.Validation("cli.accept", "--accept needs a JSON file of accepted findings.");
                    }

                    break;
                default:
                    if (name.StartsWith('-') && name.Length > 1)
                    {
                        return Error.Validation("cli.option", $"Unknown option '{name}'. Run 'portal lint --help'.");
                    }

                    inputs.Add(args[i]);
                    break;
            }
        }

        if (inputs.Count == 0)
        {
            return Error.Validation("cli.inputs", "Name at least one template file or glob, e.g. portal lint 'templates/**/*.yaml'.");
        }

        return new LintOptions(inputs, format, failOn, output, accept);
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return (arg, null);
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static string Next(IReadOnlyList<string> args, ref int i) => ++i < args.Count ? args[i] : string.Empty;
}
