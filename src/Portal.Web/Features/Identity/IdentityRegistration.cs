using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Identity;
using Portal.Web.Configuration;

namespace Portal.Web.Features.Identity;

/// <summary>Cookie sessions, OpenID Connect (code + PKCE), group mapping, authorization policies and rate limits.</summary>
public static class IdentityRegistration
{
    public const string SignInRateLimit = "sign-in";

    public const string ApiRateLimit = "api";

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        services.AddSingleton(sp => new GroupMapper(MappingRules(sp.GetRequiredService<IOptions<AuthOptions>>().Value)));

        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        }).AddCookie(o =>
        {
            o.Cookie.Name = "portal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = auth.IsOidc ? "/account/login" : "/account/signin";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = RedirectToLoginAsync;
            o.Events.OnRedirectToAccessDenied = RedirectToAccessDeniedAsync;
        });

        if (auth.IsOidc)
        {
            authentication.AddOpenIdConnect(o => ConfigureOidc(o, auth.Oidc));
        }

        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.AddCascadingAuthenticationState();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(ApiRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(PortalClaimTypes.Login) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 300, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
                    detail: "Slow down and retry in a minute.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    internal static GroupMappingRules MappingRules(AuthOptions auth)
    {
        var mapping = auth.RoleMapping;
        var roles = mapping.IsEmpty
            ? new Dictionary<PortalRole, IReadOnlyList<string>>
            {
                [PortalRole.PlatformEngineer] = ["portal-platform-engineers"],
                [PortalRole.DataScienceAdmin] = ["portal-ds-admins"],
                [PortalRole.DataScientist] = ["portal-data-scientists"],
                [PortalRole.SecurityAuditor] = ["portal-auditors"],
            }
            : new Dictionary<PortalRole, IReadOnlyList<string>>
            {
                [PortalRole.PlatformEngineer] = mapping.PlatformEngineer,
                [PortalRole.DataScienceAdmin] = mapping.DataScienceAdmin,
                [PortalRole.DataScientist] = mapping.DataScientist,
                [PortalRole.SecurityAuditor] = mapping.SecurityAuditor,
            };
        return new GroupMappingRules(roles, auth.ProjectGroups.Users, auth.ProjectGroups.Admins);
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, OidcSettings oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.RequireHttpsMetadata = !(Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) && authority.IsLoopback);
        o.SaveTokens = true;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.MapInboundClaims = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        foreach (var scope in oidc.Scopes.Count == 0 ? ["profile", "email"] : oidc.Scopes)
        {
            o.Scope.Add(scope);
        }

        o.ClaimActions.MapJsonKey(oidc.GroupsClaim, oidc.GroupsClaim);

        // Many providers send the login and name only from the userinfo endpoint; keep them.
        o.ClaimActions.MapUniqueJsonKey(oidc.LoginClaim, oidc.LoginClaim);
        o.ClaimActions.MapUniqueJsonKey(oidc.NameClaim, oidc.NameClaim);
        o.TokenValidationParameters.NameClaimType = oidc.NameClaim;
        o.SignedOutRedirectUri = "/";
        o.Events.OnTicketReceived = TicketReceivedAsync;
        o.Events.OnRemoteFailure = RemoteFailureAsync;
        o.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            // A provider without an end-session endpoint: the local sign-out already happened, so go home.
            if (string.IsNullOrEmpty(context.ProtocolMessage.IssuerAddress))
            {
                context.Response.Redirect("/");
                context.HandleResponse();
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Replaces the provider's claims with the portal's own: login, name, roles and projects from groups.</summary>
    private static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var oidc = services.GetRequiredService<IOptions<AuthOptions>>().Value.Oidc;
        var principal = context.Principal!;
        var login = principal.FindFirstValue(oidc.LoginClaim) ?? principal.FindFirstValue("email") ?? principal.FindFirstValue("sub") ?? "unknown";
        var name = principal.FindFirstValue(oidc.NameClaim) ?? login;
        var user = services.GetRequiredService<GroupMapper>().Map(login, name, GroupsOf(principal, oidc.GroupsClaim));
        context.Principal = new ClaimsPrincipal(PortalPrincipal.CreateIdentity(user, CookieAuthenticationDefaults.AuthenticationScheme));
        await HttpAudit.RecordAsync(context.HttpContext, user, AuditActions.SignedIn, AuditOutcome.Succeeded,
            details: new Dictionary<string, string?> { ["method"] = "oidc", ["issuer"] = oidc.Authority });
    }

    private static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        await HttpAudit.RecordAsync(context.HttpContext, PortalUser.Anonymous, AuditActions.SignInFailed, AuditOutcome.Failed,
            details: new Dictionary<string, string?> { ["reason"] = context.Failure?.Message });
        context.Response.Redirect("/account/signin?error=provider");
        context.HandleResponse();
    }

    /// <summary>Groups as repeated claims, or as one claim holding a JSON array.</summary>
    internal static IEnumerable<string> GroupsOf(ClaimsPrincipal principal, string claimType)
    {
        foreach (var claim in principal.FindAll(claimType))
        {
            var value = claim.Value.Trim();
            if (value.StartsWith('['))
            {
                string[]? items = null;
                try
                {
                    items = JsonSerializer.Deserialize<string[]>(value);
                }
                catch (JsonException)
                {
                    // Not a JSON array after all: treat it as one group name below.
                }

                if (items is not null)
                {
                    foreach (var item in items)
                    {
                        yield return item;
                    }

                    continue;
                }
            }

            yield return value;
        }
    }

    private static async Task RedirectToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.Request))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required.",
                detail: "Send the portal's session cookie; sign in at /account/signin.").ExecuteAsync(context.HttpContext);
            return;
        }

        context.Response.Redirect(context.RedirectUri);
    }

    private static async Task RedirectToAccessDeniedAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var user = context.HttpContext.User.ToPortalUser();
        await HttpAudit.RecordAsync(context.HttpContext, user, AuditActions.AccessDenied, AuditOutcome.Denied,
            target: context.Request.Path.Value);
        if (IsApi(context.Request))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Access denied.",
                detail: "Your portal roles do not allow this request.").ExecuteAsync(context.HttpContext);
            return;
        }

        context.Response.Redirect(context.RedirectUri);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
