using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Audit;

/// <summary>
/// The hash chain of the audit trail: each entry's hash covers its own canonical content and the
/// previous entry's hash, so changing, removing or reordering any entry breaks every later link.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Hex SHA-256 over the entry's canonical bytes (length-prefixed fields, fixed order) and the previous hash.</summary>
    public static string ComputeHash(long sequence, DateTimeOffset occurredAt, AuditEvent auditEvent, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var builder = new StringBuilder();
        Append(builder, sequence.ToString(CultureInfo.InvariantCulture));
        Append(builder, occurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
        Append(builder, auditEvent.Action);
        Append(builder, auditEvent.Actor);
        Append(builder, string.Join(',', auditEvent.ActorRoles));
        Append(builder, auditEvent.Outcome.ToString());
        Append(builder, auditEvent.Project);
        Append(builder, auditEvent.Target);
        Append(builder, auditEvent.CorrelationId);
        Append(builder, auditEvent.SourceAddress);
        var details = auditEvent.Details ?? new Dictionary<string, string?>();
        Append(builder, details.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            Append(builder, key);
            Append(builder, value);
        }

        Append(builder, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>
    /// Checks entries in sequence order. Returns the sequence number of the first entry whose link or hash
    /// is wrong (or that leaves a gap), or null when the whole chain holds.
    /// </summary>
    public static long? FindFirstBrokenLink(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var expectedPrevious = Genesis;
        var expectedSequence = 1L;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expectedSequence
                || !string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal)
                || !string.Equals(entry.Hash, ComputeHash(entry.Sequence, entry.OccurredAt, entry.Event, entry.PreviousHash), StringComparison.Ordinal))
            {
                return Math.Min(entry.Sequence, expectedSequence);
            }

            expectedPrevious = entry.Hash;
            expectedSequence++;
        }

        return null;
    }

    private static void Append(StringBuilder builder, string? value)
    {
        // Length prefixes make the encoding unambiguous: ("ab","c") never hashes like ("a","bc"); null differs from "".
        if (value is null)
        {
            builder.Append("-1:");
            return;
        }

        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
