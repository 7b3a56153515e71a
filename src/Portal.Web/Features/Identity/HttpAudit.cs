using System.Diagnostics;
using Portal.Core.Audit;
using Portal.Core.Identity;

namespace Portal.Web.Features.Identity;

/// <summary>Records audit events for an HTTP request: actor, roles, correlation id and source address come from the request.</summary>
public static class HttpAudit
{
    public static Task RecordAsync(
        HttpContext context,
        PortalUser user,
        string action,
        AuditOutcome outcome,
        string? target = null,
        string? project = null,
        IReadOnlyDictionary<string, string?>? details = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var trail = context.RequestServices.GetRequiredService<IAuditTrail>();
        var auditEvent = EventFor(user, action, outcome, target, project, details) with
        {
            CorrelationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
            SourceAddress = context.Connection.RemoteIpAddress?.ToString(),
        };
        // Not the request's token: an action that happened is recorded even if the client has gone.
        return trail.AppendAsync(auditEvent, CancellationToken.None);
    }

    /// <summary>An audit event for a user's action: actor and roles from the user, no request details.</summary>
    public static AuditEvent EventFor(
        PortalUser user,
        string action,
        AuditOutcome outcome,
        string? target = null,
        string? project = null,
        IReadOnlyDictionary<string, string?>? details = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AuditEvent(action, user.Login, user.Roles.Order().Select(r => r.ToString()).ToList(), outcome, project, target, details);
    }
}
