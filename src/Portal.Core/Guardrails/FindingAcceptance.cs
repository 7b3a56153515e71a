using Portal.Core.Common;

namespace Portal.Core.Guardrails;

/// <summary>
/// An accepted risk: a finding of <see cref="RuleId"/> on <see cref="ResourceId"/> (optionally one property) is
/// accepted with a justification by an approver until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record FindingAcceptance
{
    private FindingAcceptance(string ruleId, string resourceId, string justification, string approver, DateTimeOffset expiresAt, string? propertyPath)
    {
        RuleId = ruleId;
        ResourceId = resourceId;
        Justification = justification;
        Approver = approver;
        ExpiresAt = expiresAt;
        PropertyPath = propertyPath;
    }

    public string RuleId { get; }

    public string ResourceId { get; }

    public string Justification { get; }

    public string Approver { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>When set, only findings at this property path are accepted.</summary>
    public string? PropertyPath { get; }

    /// <summary>Creates an acceptance; refuses a missing justification or approver and an expiry in the past.</summary>
    public static Result<FindingAcceptance> Create(string ruleId, string resourceId, string justification, string approver, DateTimeOffset expiresAt, TimeProvider timeProvider, string? propertyPath = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrWhiteSpace(ruleId) || string.IsNullOrWhiteSpace(resourceId))
        {
            return Error.Validation("acceptance.target", "Name the rule and the resource the acceptance is for.");
        }

        if (string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < 10)
        {
            return Error.Validation("acceptance.justification", "Give a justification of at least 10 characters explaining why the risk is acceptable.", nameof(Justification));
        }

        if (string.IsNullOrWhiteSpace(approver))
        {
            return Error.Validation("acceptance.approver", "Name who approved the exception.", nameof(Approver));
        }

        if (expiresAt <= timeProvider.GetUtcNow())
        {
            return Error.Validation("acceptance.expiry", "The expiry must be in the future.", nameof(ExpiresAt));
        }

        return new FindingAcceptance(ruleId.Trim(), resourceId.Trim(), justification.Trim(), approver.Trim(), expiresAt, propertyPath);
    }

    /// <summary>
    /// Rebuilds an acceptance loaded from storage (audit records, an exceptions file). Unlike <see cref="Create"/>
    /// it allows a past expiry, so that expired acceptances can be reported as such.
    /// </summary>
    public static Result<FindingAcceptance> Restore(string ruleId, string resourceId, string justification, string approver, DateTimeOffset expiresAt, string? propertyPath = null)
    {
        if (string.IsNullOrWhiteSpace(ruleId) || string.IsNullOrWhiteSpace(resourceId) || string.IsNullOrWhiteSpace(justification) || string.IsNullOrWhiteSpace(approver))
        {
            return Error.Validation("acceptance.incomplete", "An acceptance needs a rule, a resource, a justification and an approver.");
        }

        return new FindingAcceptance(ruleId.Trim(), resourceId.Trim(), justification.Trim(), approver.Trim(), expiresAt, propertyPath);
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public bool Covers(GuardrailFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return string.Equals(finding.RuleId, RuleId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(finding.ResourceId, ResourceId, StringComparison.Ordinal)
            && (PropertyPath is null || string.Equals(finding.PropertyPath, PropertyPath, StringComparison.Ordinal));
    }
}
