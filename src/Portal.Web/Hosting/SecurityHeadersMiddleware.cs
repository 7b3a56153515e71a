using Microsoft.Extensions.Options;
using Portal.Web.Configuration;

namespace Portal.Web.Hosting;

/// <summary>
/// Adds the security headers every response carries. The Content-Security-Policy is the strictest
/// that Blazor Server and MudBlazor work under: scripts only from the portal itself, inline styles
/// (MudBlazor sets style attributes), the circuit's WebSocket, and no framing at all.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment, IOptions<AuthOptions> auth)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    private readonly string _contentSecurityPolicy = PolicyFor(auth.Value);

    /// <summary>
    /// With OpenID Connect the sign-out form's answer redirects on to the provider's end-session endpoint, and
    /// browsers apply <c>form-action</c> to every redirect of a form submission: the provider's origin is allowed too.
    /// </summary>
    public static string PolicyFor(AuthOptions auth) =>
        auth is { IsOidc: true } && Uri.TryCreate(auth.Oidc.Authority, UriKind.Absolute, out var authority)
            ? ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {authority.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!environment.IsDevelopment() && context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
