namespace Portal.Core.Guardrails;

/// <summary>A guardrail: what it checks, why, how to fix it, and the check itself.</summary>
public sealed record GuardrailRule
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required GuardrailSeverity Severity { get; init; }

    /// <summary>Why the rule exists, in terms of the secure environment's promises.</summary>
    public required string Rationale { get; init; }

    /// <summary>How to fix a finding.</summary>
    public required string Remediation { get; init; }

    /// <summary>The AWS documentation page that explains the setting.</summary>
    public required string DocumentationTopic { get; init; }

    /// <summary>The resource types the check looks at.</summary>
    public required IReadOnlyList<string> ResourceTypes { get; init; }

    /// <summary>The check: violations for one resource (empty when compliant).</summary>
    public required Func<GuardrailContext, GuardrailResource, IEnumerable<RuleViolation>> Check { get; init; }

    public bool AppliesTo(string resourceType) => ResourceTypes.Contains(resourceType, StringComparer.Ordinal);
}
