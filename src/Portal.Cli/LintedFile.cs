using Portal.Core.Guardrails;
using Portal.Core.Templates;

namespace Portal.Cli;

/// <summary>The analysis of one template file: its path as shown to the user, parse errors and guardrail report.</summary>
public sealed record LintedFile(string DisplayPath, TemplateAnalysis Analysis, GuardrailReport Report);
