using Portal.Core.Templates;

namespace Portal.Core.Guardrails;

/// <summary>What a rule's check reports: where in the resource and why.</summary>
public sealed record RuleViolation(string PropertyPath, SourcePosition Position, string Message);
