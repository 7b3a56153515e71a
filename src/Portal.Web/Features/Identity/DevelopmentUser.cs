using Portal.Core.Identity;

namespace Portal.Web.Features.Identity;

/// <summary>A demo user of the development sign-in.</summary>
public sealed record DevelopmentUser(
    string Login,
    string Name,
    string Description,
    IReadOnlyList<PortalRole> Roles,
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> AdministeredProjects);
