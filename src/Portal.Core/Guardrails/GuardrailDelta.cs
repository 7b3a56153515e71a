namespace Portal.Core.Guardrails;

/// <summary>How a new template version changes the open findings: what it introduces and what it fixes.</summary>
public sealed record GuardrailDelta(IReadOnlyList<GuardrailFinding> Introduced, IReadOnlyList<GuardrailFinding> Resolved, IReadOnlyList<GuardrailFinding> Remaining)
{
    /// <summary>True when the new version introduces a finding at or above the severity.</summary>
    public bool IntroducesAtOrAbove(GuardrailSeverity severity) => Introduced.Any(f => f.Severity >= severity);
}
