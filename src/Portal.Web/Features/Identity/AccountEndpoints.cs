using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Web.Configuration;

namespace Portal.Web.Features.Identity;

/// <summary>Sign-in and sign-out endpoints. Forms post here because a Blazor circuit cannot set cookies.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/dev-signin", (Delegate)DevelopmentSignInAsync);
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

        var user = DevelopmentUsers.Find(login);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown demo user.",
                detail: $"'{login}' is not one of the demo users.");
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, PortalClaimTypes.Name, PortalClaimTypes.Role);
        identity.AddClaim(new Claim(PortalClaimTypes.Login, user.Login));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Login));
        identity.AddClaim(new Claim(PortalClaimTypes.Name, user.Name));
        identity.AddClaims(user.Roles.Select(r => new Claim(PortalClaimTypes.Role, r.ToString())));
        identity.AddClaims(user.Projects.Select(p => new Claim(PortalClaimTypes.Project, p)));
        identity.AddClaims(user.AdministeredProjects.Select(p => new Claim(PortalClaimTypes.ProjectAdmin, p)));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/");
    }

    /// <summary>Only local paths; anything else (absolute URLs, protocol-relative, backslashes) goes home.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
