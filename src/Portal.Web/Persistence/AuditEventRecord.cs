namespace Portal.Web.Persistence;

/// <summary>
/// One row of the append-only, hash-chained audit trail. Each row carries the hash of the previous
/// row so that a verification can pinpoint the first broken link.
/// </summary>
public sealed class AuditEventRecord
{
    public long Id { get; set; }

    /// <summary>Position in the chain, starting at 1, without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>Event name, e.g. <c>auth.signed-in</c>, <c>catalog.template-published</c>.</summary>
    public required string Action { get; set; }

    /// <summary>Login of the human (or <c>system</c>).</summary>
    public required string Actor { get; set; }

    /// <summary>Portal roles the actor held, comma separated.</summary>
    public string ActorRoles { get; set; } = string.Empty;

    public string? Project { get; set; }

    /// <summary>What the action was about (an ARN, a product id, a page).</summary>
    public string? Target { get; set; }

    /// <summary><c>Succeeded</c>, <c>Failed</c> or <c>Denied</c>.</summary>
    public required string Outcome { get; set; }

    public string? CorrelationId { get; set; }

    public string? SourceAddress { get; set; }

    /// <summary>JSON with event-specific details (before/after, findings). Never secrets.</summary>
    public string? Details { get; set; }

    /// <summary>Hex SHA-256 of the previous event (64 zeros for the first).</summary>
    public required string PreviousHash { get; set; }

    /// <summary>Hex SHA-256 over this event's canonical content and <see cref="PreviousHash"/>.</summary>
    public required string Hash { get; set; }
}
