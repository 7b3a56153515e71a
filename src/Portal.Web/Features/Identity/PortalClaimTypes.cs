namespace Portal.Web.Features.Identity;

/// <summary>Claim types the portal issues into its own cookie after sign-in.</summary>
public static class PortalClaimTypes
{
    /// <summary>A portal role (value: a <see cref="Portal.Core.Identity.PortalRole"/> name).</summary>
    public const string Role = "portal_role";

    /// <summary>A project the user is a member (data scientist) of.</summary>
    public const string Project = "portal_project";

    /// <summary>A project the user administers.</summary>
    public const string ProjectAdmin = "portal_project_admin";

    /// <summary>The user's login (used as SourceIdentity and audit actor).</summary>
    public const string Login = "portal_login";

    /// <summary>Display name.</summary>
    public const string Name = "name";
}
