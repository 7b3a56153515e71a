using Microsoft.AspNetCore.Authorization;
using Portal.Core.Identity;

namespace Portal.Web.Features.Identity;

/// <summary>Authorization policies: one per persona area, checked on pages, API endpoints and actions.</summary>
public static class PortalPolicies
{
    public const string SignedIn = "SignedIn";

    public const string Platform = "Platform";

    public const string Administration = "Administration";

    public const string DataScience = "DataScience";

    public const string Audit = "Audit";

    /// <summary>Which roles satisfy each policy (auditors read everything but change nothing).</summary>
    public static readonly IReadOnlyDictionary<string, PortalRole[]> RolesByPolicy = new Dictionary<string, PortalRole[]>
    {
        [Platform] = [PortalRole.PlatformEngineer, PortalRole.SecurityAuditor],
        [Administration] = [PortalRole.DataScienceAdmin, PortalRole.PlatformEngineer, PortalRole.SecurityAuditor],
        [DataScience] = [PortalRole.DataScientist, PortalRole.DataScienceAdmin, PortalRole.SecurityAuditor],
        [Audit] = [PortalRole.SecurityAuditor],
    };

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        foreach (var (name, roles) in RolesByPolicy)
        {
            builder.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireClaim(PortalClaimTypes.Role, roles.Select(r => r.ToString())));
        }

        return builder;
    }
}
