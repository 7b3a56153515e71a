namespace Portal.Web.Configuration;

/// <summary>How users sign in and how their identity-provider groups become portal roles. Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public const string DevelopmentMode = "Development";

    public const string OidcMode = "Oidc";

    public static readonly IReadOnlyList<string> AllowedModes = [DevelopmentMode, OidcMode];

    /// <summary><c>Development</c> (demo users, one click) or <c>Oidc</c> (OpenID Connect).</summary>
    public string Mode { get; set; } = DevelopmentMode;

    /// <summary>Allows the development sign-in when the environment is Production. Off by default.</summary>
    public bool AllowDevelopmentSignIn { get; set; }

    /// <summary>OpenID Connect settings (<c>Auth:Oidc:*</c>), used when <see cref="Mode"/> is <c>Oidc</c>.</summary>
    public OidcSettings Oidc { get; set; } = new();

    /// <summary>Identity-provider groups that grant each portal role (<c>Auth:RoleMapping:*</c>).</summary>
    public RoleMappingSettings RoleMapping { get; set; } = new();

    /// <summary>Group name templates for project membership (<c>Auth:ProjectGroups:*</c>).</summary>
    public ProjectGroupSettings ProjectGroups { get; set; } = new();

    public bool IsDevelopment => string.Equals(Mode, DevelopmentMode, StringComparison.OrdinalIgnoreCase);

    public bool IsOidc => string.Equals(Mode, OidcMode, StringComparison.OrdinalIgnoreCase);
}
