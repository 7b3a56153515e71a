using System.Globalization;
using System.Text;
using System.Text.Json;
using Portal.Core.Guardrails;
using Portal.Core.Templates;

namespace Portal.Cli;

/// <summary>SARIF 2.1.0 written with <see cref="Utf8JsonWriter"/>, so code-scanning tools show findings on the template line.</summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string ParseErrorRuleId = "TPL";

    public static string Write(IReadOnlyList<LintedFile> files, IReadOnlyList<GuardrailRule> rules, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(rules);
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("%SRCROOT%");
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory)) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var file in files)
            {
                foreach (var error in file.Analysis.Errors)
                {
                    WriteResult(json, ParseErrorRuleId, rules.Count, "error", $"{error.Code}: {error.Message}", file.DisplayPath, error.Line, error.Column, null, null);
                }

                foreach (var finding in file.Report.Findings)
                {
                    WriteResult(json, finding.RuleId, ruleIndex.GetValueOrDefault(finding.RuleId, -1), Level(finding.Severity), finding.Message, file.DisplayPath, finding.Line, finding.Column, finding.ResourceId, finding.PropertyPath);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<GuardrailRule> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "portal");
        json.WriteString("fullName", "Secure Data Science Portal template linter");
        json.WriteString("semanticVersion", typeof(SarifReportWriter).Assembly.GetName().Version?.ToString(3) ?? "0.1.0");
        json.WriteString("informationUri", "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalName(rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Rationale);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", rule.Remediation);
            json.WriteString("markdown", $"**Why:** {rule.Rationale}\n\n**Fix:** {rule.Remediation}\n\n[AWS documentation]({rule.DocumentationTopic})");
            json.WriteEndObject();
            json.WriteString("helpUri", rule.DocumentationTopic);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("security-severity", SecuritySeverity(rule.Severity));
            json.WriteString("severity", rule.Severity.ToString().ToLowerInvariant());
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteStringValue("cloudformation");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartObject();
        json.WriteString("id", ParseErrorRuleId);
        json.WriteString("name", "TemplateError");
        json.WriteStartObject("shortDescription");
        json.WriteString("text", "The template cannot be parsed or refers to something it does not define");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", "error");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, string ruleId, int ruleIndex, string level, string message, string path, int line, int column, string? resourceId, string? propertyPath)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", ruleId);
        if (ruleIndex >= 0)
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("level", level);
        json.WriteStartObject("message");
        json.WriteString("text", message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
        json.WriteString("uriBaseId", "%SRCROOT%");
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, line));
        json.WriteNumber("startColumn", Math.Max(1, column));
        json.WriteEndObject();
        json.WriteEndObject();
        if (resourceId is not null)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("name", string.IsNullOrEmpty(propertyPath) ? resourceId : propertyPath);
            json.WriteString("fullyQualifiedName", string.IsNullOrEmpty(propertyPath) ? $"Resources.{resourceId}" : $"Resources.{resourceId}.Properties.{propertyPath}");
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("portalFinding/v1", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}|{path}|{resourceId}|{propertyPath}|{message}")))[..32]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Level(GuardrailSeverity severity) => severity switch
    {
        GuardrailSeverity.Critical or GuardrailSeverity.High => "error",
        GuardrailSeverity.Medium => "warning",
        _ => "note",
    };

    private static string SecuritySeverity(GuardrailSeverity severity) => severity switch
    {
        GuardrailSeverity.Critical => "9.5",
        GuardrailSeverity.High => "8.0",
        GuardrailSeverity.Medium => "5.5",
        _ => "2.0",
    };

    private static string PascalName(string title) =>
        string.Concat(title.Split([' ', '-', '(', ')', ',', '.', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
}
