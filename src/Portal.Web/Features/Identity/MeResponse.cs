using Portal.Core.Identity;

namespace Portal.Web.Features.Identity;

/// <summary>The answer of <c>GET /api/v1/me</c>.</summary>
public sealed record MeResponse(string Login, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Projects, IReadOnlyList<string> AdministeredProjects)
{
    public static MeResponse From(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new MeResponse(
            user.Login,
            user.Name,
            user.Roles.Order().Select(r => r.ToString()).ToList(),
            user.Projects.Order(StringComparer.Ordinal).ToList(),
            user.AdministeredProjects.Order(StringComparer.Ordinal).ToList());
    }
}
