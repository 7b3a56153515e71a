using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Identity;
using Portal.Web.Configuration;

namespace Portal.Web.Features.Identity;

/// <summary>Sign-in and sign-out endpoints. Forms post here because a Blazor circuit cannot set cookies.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/dev-signin", (Delegate)DevelopmentSignInAsync).RequireRateLimiting(IdentityRegistration.SignInRateLimit);
        group.MapGet("/login", (Delegate)Login).RequireRateLimiting(IdentityRegistration.SignInRateLimit);
        group.MapPost("/signout", (Delegate)SignOutAsync);
        return endpoints;
    }

    private static async Task<IResult> DevelopmentSignInAsync(
        HttpContext context, IOptions<AuthOptions> auth, [FromForm] string login, [FromForm] string? returnUrl)
    {
        if (!auth.Value.IsDevelopment)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Development sign-in is not enabled.");
        }

        var demo = DevelopmentUsers.Find(login);
        if (demo is null)
        {
            await HttpAudit.RecordAsync(context, PortalUser.Anonymous, AuditActions.SignInFailed, AuditOutcome.Failed,
                details: new Dictionary<string, string?> { ["method"] = "development", ["login"] = login.Length > 64 ? login[..64] : login });
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown demo user.",
                detail: "Choose one of the demo users on the sign-in page.");
        }

        var user = new PortalUser(demo.Login, demo.Name, demo.Roles.ToHashSet(),
            demo.Projects.ToHashSet(StringComparer.Ordinal), demo.AdministeredProjects.ToHashSet(StringComparer.Ordinal));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(PortalPrincipal.CreateIdentity(user, CookieAuthenticationDefaults.AuthenticationScheme)));
        await HttpAudit.RecordAsync(context, user, AuditActions.SignedIn, AuditOutcome.Succeeded,
            details: new Dictionary<string, string?> { ["method"] = "development" });
        return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
    }

    private static IResult Login(IOptions<AuthOptions> auth, string? returnUrl)
    {
        var target = SafeReturnUrl(returnUrl);
        return auth.Value.IsOidc
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = target }, [OpenIdConnectDefaults.AuthenticationScheme])
            : TypedResults.LocalRedirect($"/account/signin?returnUrl={Uri.EscapeDataString(target)}");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IOptions<AuthOptions> auth)
    {
        var user = context.User.ToPortalUser();
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await HttpAudit.RecordAsync(context, user, AuditActions.SignedOut, AuditOutcome.Succeeded);
        }

        if (auth.Value.IsOidc && context.User.Identity?.IsAuthenticated == true)
        {
            // Ends the session at the identity provider too, then comes back to the portal's home page.
            return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/");
    }

    /// <summary>Only local paths; anything else (absolute URLs, protocol-relative, backslashes) goes home.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
