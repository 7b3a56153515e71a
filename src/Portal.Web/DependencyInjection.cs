using MudBlazor.Services;
using Portal.Aws;
using Portal.Core;
using Portal.Core.Audit;
using Portal.Web.Configuration;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Identity;
using Portal.Web.Hosting;
using Portal.Web.Persistence;
using Serilog;
using Serilog.Formatting.Compact;

namespace Portal.Web;

/// <summary>Composition root of the portal. Program.cs only calls these two methods.</summary>
public static class DependencyInjection
{
    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment())
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });

        services.AddSingleton<PortalOptionsValidator>();
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString("Portal"))
            .ValidateOnStart();
        services.AddOptions<CloudOptions>().Bind(configuration.GetSection(CloudOptions.SectionName)).ValidateOnStart();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DatabaseOptions>>(sp => sp.GetRequiredService<PortalOptionsValidator>());
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<CloudOptions>>(sp => sp.GetRequiredService<PortalOptionsValidator>());
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AuthOptions>>(sp => sp.GetRequiredService<PortalOptionsValidator>());

        // The composition root reads the provider once to pick the context; validation reports bad values.
        var database = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.SectionName).Bind(database);
        database.ConnectionString = configuration.GetConnectionString("Portal");
        services.AddPortalPersistence(database, builder.Environment.ContentRootPath);

        services.AddPortalCore();
        services.AddPortalAws(configuration);
        services.AddSingleton<EmbeddedLocalCloud>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedLocalCloud>());

        var auth = new AuthOptions();
        configuration.GetSection(AuthOptions.SectionName).Bind(auth);
        services.AddPortalIdentity(auth);
        services.AddSingleton<IAuditTrail, DatabaseAuditTrail>();
        services.AddOpenApi("v1");

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddHealthChecks();
        services.AddMudServices();
        services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseSerilogRequestLogging();
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always,
            OnAppendCookie = c => c.CookieOptions.Secure |= !IsLoopback(c.Context),
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1").RequireRateLimiting(IdentityRegistration.ApiRateLimit).WithTags("Portal");
        api.MapIdentityApi();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Cookies are Secure everywhere except plain-http requests to a loopback address (the embedded default).</summary>
    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)
        && (context.Request.Host.Host is "localhost" || (System.Net.IPAddress.TryParse(context.Request.Host.Host, out var host) && System.Net.IPAddress.IsLoopback(host)));
}
