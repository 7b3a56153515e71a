using System.Text.Json;
using Portal.Core.Audit;
using Portal.Web.Persistence;

namespace Portal.Web.Features.Audit;

/// <summary>Maps between Core's audit entries and the database rows, losslessly (the hash depends on it).</summary>
public static class AuditRecordMapping
{
    public static AuditEventRecord ToRecord(long sequence, DateTimeOffset occurredAt, AuditEvent e, string previousHash, string hash)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new AuditEventRecord
        {
            Sequence = sequence,
            OccurredAt = occurredAt.UtcDateTime,
            Action = e.Action,
            Actor = e.Actor,
            ActorRoles = string.Join(',', e.ActorRoles),
            Outcome = e.Outcome.ToString(),
            Project = e.Project,
            Target = e.Target,
            CorrelationId = e.CorrelationId,
            SourceAddress = e.SourceAddress,
            Details = e.Details is null ? null : JsonSerializer.Serialize(e.Details),
            PreviousHash = previousHash,
            Hash = hash,
        };
    }

    public static AuditEntry ToEntry(AuditEventRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var e = new AuditEvent(
            r.Action,
            r.Actor,
            r.ActorRoles.Length == 0 ? [] : r.ActorRoles.Split(','),
            Enum.Parse<AuditOutcome>(r.Outcome),
            r.Project,
            r.Target,
            r.Details is null ? null : JsonSerializer.Deserialize<Dictionary<string, string?>>(r.Details),
            r.CorrelationId,
            r.SourceAddress);
        return new AuditEntry(r.Sequence, new DateTimeOffset(DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc)), e, r.PreviousHash, r.Hash);
    }
}
