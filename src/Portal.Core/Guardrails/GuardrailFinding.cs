namespace Portal.Core.Guardrails;

/// <summary>A broken guardrail: which rule, which resource and property, where in the file, and what is wrong.</summary>
public sealed record GuardrailFinding(
    string RuleId,
    string Title,
    GuardrailSeverity Severity,
    string ResourceId,
    string ResourceType,
    string PropertyPath,
    int Line,
    int Column,
    string Message)
{
    /// <summary>The template file, when the finding came from one.</summary>
    public string? FileName { get; init; }
}
