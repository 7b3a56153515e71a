namespace Portal.E2E.Tests.Oidc;

/// <summary>
/// The OIDC portal configured the way a site with its own group names would: groups in <c>cognito:groups</c>,
/// the login from <c>sub</c>, a site-specific role mapping and project group template.
/// </summary>
public sealed class CustomMappingOidcPortal() : OidcPortal(new Dictionary<string, string>
{
    ["Auth:Oidc:GroupsClaim"] = "cognito:groups",
    ["Auth:Oidc:LoginClaim"] = "sub",
    ["Auth:RoleMapping:SecurityAuditor:0"] = "team-security",
    ["Auth:ProjectGroups:Users"] = "ml-{project}-members",
    ["Auth:ProjectGroups:Admins"] = "ml-{project}-owners",
});
