namespace Portal.Web.Configuration;

/// <summary>How users sign in. Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public const string Development = "Development";

    public const string Oidc = "Oidc";

    public static readonly IReadOnlyList<string> AllowedModes = [Development, Oidc];

    /// <summary><c>Development</c> (demo users, one click) or <c>Oidc</c> (OpenID Connect).</summary>
    public string Mode { get; set; } = Development;

    /// <summary>Allows the development sign-in when the environment is Production. Off by default.</summary>
    public bool AllowDevelopmentSignIn { get; set; }

    public bool IsDevelopment => string.Equals(Mode, Development, StringComparison.OrdinalIgnoreCase);
}
