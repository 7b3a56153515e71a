namespace Portal.Core.Audit;

/// <summary>
/// Something worth recording: who did what to which target, in which project, with what outcome.
/// Details never hold secrets, tokens, presigned URLs or NoEcho parameter values.
/// </summary>
public sealed record AuditEvent(
    string Action,
    string Actor,
    IReadOnlyList<string> ActorRoles,
    AuditOutcome Outcome,
    string? Project = null,
    string? Target = null,
    IReadOnlyDictionary<string, string?>? Details = null,
    string? CorrelationId = null,
    string? SourceAddress = null);
