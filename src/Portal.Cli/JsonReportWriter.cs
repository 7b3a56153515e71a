using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Cli;

/// <summary>A JSON report: per file the fingerprint, parse errors, open and accepted findings.</summary>
public static class JsonReportWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(IReadOnlyList<LintedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var report = new
        {
            files = files.Select(f => new
            {
                file = f.DisplayPath,
                fingerprint = f.Analysis.Template?.Fingerprint,
                errors = f.Analysis.Errors.Select(e => new { code = e.Code, line = e.Line, column = e.Column, message = e.Message }),
                findings = f.Report.Findings.Select(Finding),
                accepted = f.Report.Accepted.Select(a => new
                {
                    finding = Finding(a.Finding),
                    justification = a.Acceptance.Justification,
                    approver = a.Acceptance.Approver,
                    expiresAt = a.Acceptance.ExpiresAt,
                }),
                expiredAcceptances = f.Report.ExpiredAcceptances.Select(a => new { ruleId = a.RuleId, resourceId = a.ResourceId, expiresAt = a.ExpiresAt }),
            }),
            summary = new
            {
                templates = files.Count,
                errors = files.Sum(f => f.Analysis.Errors.Count),
                findings = files.Sum(f => f.Report.Findings.Count),
                accepted = files.Sum(f => f.Report.Accepted.Count),
            },
        };
        return JsonSerializer.Serialize(report, Options) + Environment.NewLine;
    }

    private static object Finding(Core.Guardrails.GuardrailFinding f) => new
    {
        ruleId = f.RuleId,
        severity = f.Severity,
        title = f.Title,
        resourceId = f.ResourceId,
        resourceType = f.ResourceType,
        propertyPath = f.PropertyPath,
        line = f.Line,
        column = f.Column,
        message = f.Message,
    };
}
