namespace Portal.Core.Audit;

/// <summary>An <see cref="AuditEvent"/> as stored: its place in the chain, when it happened and the hashes linking it.</summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset OccurredAt,
    AuditEvent Event,
    string PreviousHash,
    string Hash);
