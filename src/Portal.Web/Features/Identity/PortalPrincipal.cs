using System.Security.Claims;
using Portal.Core.Identity;

namespace Portal.Web.Features.Identity;

/// <summary>Converts between the portal's sign-in cookie claims and Core's <see cref="PortalUser"/>.</summary>
public static class PortalPrincipal
{
    public static ClaimsIdentity CreateIdentity(PortalUser user, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(authenticationType, PortalClaimTypes.Name, PortalClaimTypes.Role);
        identity.AddClaim(new Claim(PortalClaimTypes.Login, user.Login));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Login));
        identity.AddClaim(new Claim(PortalClaimTypes.Name, user.Name));
        identity.AddClaims(user.Roles.Order().Select(r => new Claim(PortalClaimTypes.Role, r.ToString())));
        identity.AddClaims(user.Projects.Order(StringComparer.Ordinal).Select(p => new Claim(PortalClaimTypes.Project, p)));
        identity.AddClaims(user.AdministeredProjects.Order(StringComparer.Ordinal).Select(p => new Claim(PortalClaimTypes.ProjectAdmin, p)));
        return identity;
    }

    public static PortalUser ToPortalUser(this ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return PortalUser.Anonymous;
        }

        var login = principal.FindFirstValue(PortalClaimTypes.Login) ?? principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var roles = principal.FindAll(PortalClaimTypes.Role)
            .Select(c => PortalRoleNames.TryParse(c.Value, out var role) ? role : (PortalRole?)null)
            .OfType<PortalRole>()
            .ToHashSet();
        return new PortalUser(
            login,
            principal.FindFirstValue(PortalClaimTypes.Name) ?? login,
            roles,
            principal.FindAll(PortalClaimTypes.Project).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindAll(PortalClaimTypes.ProjectAdmin).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
