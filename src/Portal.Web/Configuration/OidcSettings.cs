namespace Portal.Web.Configuration;

/// <summary>OpenID Connect client settings (authorization code flow with PKCE).</summary>
public sealed class OidcSettings
{
    /// <summary>Issuer URL, e.g. <c>https://login.example.com/realms/portal</c>. HTTPS unless on loopback.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Client secret of a confidential client. Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes to request in addition to <c>openid</c>. Default: profile, email.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The claim carrying groups or roles (a JSON array or repeated claims). Default <c>groups</c>.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>The claim carrying the display name. Default <c>name</c>.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim carrying the login (audit actor, AWS SourceIdentity). Default <c>preferred_username</c>, then email, then sub.</summary>
    public string LoginClaim { get; set; } = "preferred_username";
}
