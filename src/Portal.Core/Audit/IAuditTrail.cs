namespace Portal.Core.Audit;

/// <summary>The append-only, hash-chained audit trail.</summary>
public interface IAuditTrail
{
    /// <summary>Appends an event at the end of the chain and returns it as stored.</summary>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
