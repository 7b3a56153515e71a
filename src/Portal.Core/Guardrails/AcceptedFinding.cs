namespace Portal.Core.Guardrails;

/// <summary>A finding covered by a valid acceptance; reported separately from open findings.</summary>
public sealed record AcceptedFinding(GuardrailFinding Finding, FindingAcceptance Acceptance);
