using System.Globalization;
using System.Text;
using Portal.Core.Guardrails;

namespace Portal.Cli;

/// <summary>Compiler-style lines (<c>file:line:column: severity ID message</c>) and a summary.</summary>
public static class TextReportWriter
{
    public static string Write(IReadOnlyList<LintedFile> files, GuardrailSeverity? failOn)
    {
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder();
        foreach (var file in files)
        {
            foreach (var error in file.Analysis.Errors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{file.DisplayPath}:{error.Line}:{error.Column}: error {error.Code}: {error.Message}");
            }

            foreach (var finding in file.Report.Findings)
            {
                var where = finding.PropertyPath.Length == 0 ? finding.ResourceId : $"{finding.ResourceId}.{finding.PropertyPath}";
                text.AppendLine(CultureInfo.InvariantCulture, $"{file.DisplayPath}:{finding.Line}:{finding.Column}: {finding.Severity.ToString().ToLowerInvariant()} {finding.RuleId}: {finding.Message} [{where}]");
            }

            foreach (var accepted in file.Report.Accepted)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{file.DisplayPath}:{accepted.Finding.Line}:{accepted.Finding.Column}: accepted {accepted.Finding.RuleId}: {accepted.Acceptance.Justification} (approved by {accepted.Acceptance.Approver} until {accepted.Acceptance.ExpiresAt:yyyy-MM-dd}) [{accepted.Finding.ResourceId}]");
            }

            foreach (var expired in file.Report.ExpiredAcceptances)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{file.DisplayPath}: warning: the acceptance of {expired.RuleId} on {expired.ResourceId} expired on {expired.ExpiresAt:yyyy-MM-dd}; its findings count again.");
            }
        }

        var findings = files.SelectMany(f => f.Report.Findings).ToList();
        var errors = files.Sum(f => f.Analysis.Errors.Count);
        var bySeverity = Enum.GetValues<GuardrailSeverity>().Reverse()
            .Select(s => (Severity: s, Count: findings.Count(f => f.Severity == s)))
            .Where(s => s.Count > 0)
            .Select(s => $"{s.Count} {s.Severity.ToString().ToLowerInvariant()}");
        var breakdown = findings.Count == 0 ? string.Empty : $" ({string.Join(", ", bySeverity)})";
        var acceptedCount = files.Sum(f => f.Report.Accepted.Count);
        text.AppendLine(CultureInfo.InvariantCulture, $"{files.Count} template(s): {errors} parse error(s), {findings.Count} finding(s){breakdown}, {acceptedCount} accepted; failing on {(failOn?.ToString().ToLowerInvariant() ?? "parse errors only")}.");
        return text.ToString();
    }
}
