namespace Portal.Core.Audit;

/// <summary>How an audited action ended.</summary>
public enum AuditOutcome
{
    Succeeded,
    Failed,
    Denied,
}
