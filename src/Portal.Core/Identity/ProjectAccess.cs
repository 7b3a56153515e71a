using Portal.Core.Common;

namespace Portal.Core.Identity;

/// <summary>
/// Who may see and do what in a project. Every use case that touches a project's resources asks here,
/// so the rule holds for the UI, the API and ids guessed by hand alike.
/// </summary>
public static class ProjectAccess
{
    /// <summary>
    /// See the project's resources: its members, its administrators, and security auditors (read-only everywhere).
    /// A user outside the project gets the same answer whether or not the project exists.
    /// </summary>
    public static Result<Unit> CanView(PortalUser user, string project)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsMemberOf(project) || user.Administers(project) || user.IsInRole(PortalRole.SecurityAuditor)
            ? Unit.Value
            : Denied(user, project, "view");
    }

    /// <summary>Act on the project's workloads (launch, stop, open notebooks): its members and administrators. Auditors never act.</summary>
    public static Result<Unit> CanOperate(PortalUser user, string project)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsMemberOf(project) || user.Administers(project)
            ? Unit.Value
            : Denied(user, project, "act on");
    }

    /// <summary>Change the project's set-up (products, constraints, members, quotas): its administrators only.</summary>
    public static Result<Unit> CanAdminister(PortalUser user, string project)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Administers(project) ? Unit.Value : Denied(user, project, "administer");
    }

    private static Error Denied(PortalUser user, string project, string verb) =>
        Error.Denied("ProjectAccessDenied", $"{user.Login} may not {verb} project '{project}'.", project);
}
