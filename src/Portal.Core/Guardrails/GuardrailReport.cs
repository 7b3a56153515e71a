namespace Portal.Core.Guardrails;

/// <summary>The outcome of evaluating guardrails: open findings, accepted findings, and acceptances that expired.</summary>
public sealed record GuardrailReport(
    IReadOnlyList<GuardrailFinding> Findings,
    IReadOnlyList<AcceptedFinding> Accepted,
    IReadOnlyList<FindingAcceptance> ExpiredAcceptances)
{
    public static GuardrailReport Empty { get; } = new([], [], []);

    /// <summary>The worst open finding's severity, or null when there is none.</summary>
    public GuardrailSeverity? HighestSeverity => Findings.Count == 0 ? null : Findings.Max(f => f.Severity);

    public bool HasFindingsAtOrAbove(GuardrailSeverity threshold) => Findings.Any(f => f.Severity >= threshold);
}
