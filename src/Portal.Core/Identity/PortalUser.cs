namespace Portal.Core.Identity;

/// <summary>
/// The signed-in human as the use cases see them: login, display name, portal roles and project memberships.
/// Built by the web layer from its sign-in claims; Core never sees a claim or an HTTP type.
/// </summary>
public sealed record PortalUser(
    string Login,
    string Name,
    IReadOnlySet<PortalRole> Roles,
    IReadOnlySet<string> Projects,
    IReadOnlySet<string> AdministeredProjects)
{
    /// <summary>Nobody: no roles, no projects.</summary>
    public static PortalUser Anonymous { get; } = new("anonymous", "Anonymous",
        new HashSet<PortalRole>(), new HashSet<string>(), new HashSet<string>());

    public bool IsInRole(PortalRole role) => Roles.Contains(role);

    /// <summary>True when the user works in the project as a data scientist.</summary>
    public bool IsMemberOf(string project) => IsInRole(PortalRole.DataScientist) && Projects.Contains(project);

    /// <summary>True when the user administers the project as a data-science administrator.</summary>
    public bool Administers(string project) => IsInRole(PortalRole.DataScienceAdmin) && AdministeredProjects.Contains(project);
}
