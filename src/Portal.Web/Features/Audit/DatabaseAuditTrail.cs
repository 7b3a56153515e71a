using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Web.Persistence;

namespace Portal.Web.Features.Audit;

/// <summary>
/// Appends audit events to the database as a hash chain. The unique sequence number makes concurrent
/// writers (several portal instances on PostgreSQL) take turns: the loser of a race re-reads the tail and retries.
/// </summary>
public sealed partial class DatabaseAuditTrail(
    IDbContextFactory<PortalDbContext> factory,
    TimeProvider time,
    ILogger<DatabaseAuditTrail> logger) : IAuditTrail
{
    private const int MaxAttempts = 8;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                var tail = await db.AuditEvents.OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash })
                    .FirstOrDefaultAsync(cancellationToken);
                var sequence = (tail?.Sequence ?? 0) + 1;
                var previous = tail?.Hash ?? AuditChain.Genesis;

                // PostgreSQL keeps microseconds: hash exactly what the database will give back.
                var now = time.GetUtcNow();
                var occurredAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
                var hash = AuditChain.ComputeHash(sequence, occurredAt, auditEvent, previous);
                db.AuditEvents.Add(AuditRecordMapping.ToRecord(sequence, occurredAt, auditEvent, previous, hash));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new AuditEntry(sequence, occurredAt, auditEvent, previous, hash);
                }
                catch (DbUpdateException ex) when (attempt < MaxAttempts)
                {
                    LogRaceLost(logger, ex, sequence, attempt);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit sequence {Sequence} taken by another writer (attempt {Attempt}); retrying")]
    private static partial void LogRaceLost(ILogger logger, Exception exception, long sequence, int attempt);
}
