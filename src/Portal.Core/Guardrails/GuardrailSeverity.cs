namespace Portal.Core.Guardrails;

/// <summary>How bad a finding is; higher values are worse.</summary>
public enum GuardrailSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
