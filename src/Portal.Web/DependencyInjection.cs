using Microsoft.Extensions.Options;
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
        services.AddSingleton<IValidateOptions<DatabaseOptions>>(sp => sp.GetRequiredService<PortalOptionsValidator>());
        services.AddSingleton<IValidateOptions<CloudOptions>>(sp => sp.GetRequiredService<PortalOptionsValidator>());
        services.AddSingleton<IValidateOptions<AuthOptions>>(sp => sp.GetRequiredService<PortalOptionsValidator>());

        // The composition root reads these once to choose adapters, so they are validated here, before anything is
        // registered from them: a bad value stops start-up with one line instead of a half-built container.
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.ConnectionString = configuration.GetConnectionString("Portal");
        var cloud = configuration.GetSection(CloudOptions.SectionName).Get<CloudOptions>() ?? new CloudOptions();
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var validator = new PortalOptionsValidator(builder.Environment);
        var failures = new[] { validator.Validate(null, database), validator.Validate(null, cloud), validator.Validate(null, auth) }
            .Where(r => r.Failed).SelectMany(r => r.Failures ?? []).ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException("Portal", typeof(PortalOptionsValidator), failures);
        }

        services.AddPortalPersistence(database, builder.Environment.ContentRootPath);
        if (cloud.IsLocalCloud)
        {
            UseEmbeddedLocalCloud(builder.Configuration, cloud);
        }

        services.AddPortalCore();
        services.AddPortalAws(configuration);
        services.AddSingleton<EmbeddedLocalCloud>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedLocalCloud>());

        services.AddPortalIdentity(auth);
        services.AddSingleton<IAuditTrail, DatabaseAuditTrail>();
        services.AddOpenApi("v1");

        services.AddProblemDetails();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
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
        app.Use(async (context, next) =>
        {
            // Friendly 404 pages only for pages read with GET; API calls and form posts keep their own answer.
            var statusPages = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>();
            if (statusPages is not null && (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.StartsWithSegments("/api")))
            {
                statusPages.Enabled = false;
            }

            await next(context);
        });
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

    /// <summary>
    /// Points Portal.Aws at the embedded LocalCloud: the port is chosen now (a free loopback port unless
    /// <c>Cloud:LocalCloudPort</c> is set) so the endpoint is known before any client is built, and LocalCloud's
    /// well-known keys are used unless others are configured. Explicit <c>Cloud:ServiceUrl</c> wins.
    /// </summary>
    private static void UseEmbeddedLocalCloud(ConfigurationManager configuration, CloudOptions cloud)
    {
        var port = cloud.LocalCloudPort != 0 ? cloud.LocalCloudPort : FreeLoopbackPort();
        var settings = new Dictionary<string, string?> { ["Cloud:LocalCloudPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (string.IsNullOrEmpty(configuration["Cloud:ServiceUrl"]))
        {
            settings["Cloud:ServiceUrl"] = $"http://127.0.0.1:{port}/";
        }

        if (string.IsNullOrEmpty(configuration["Cloud:AccessKeyId"]))
        {
            settings["Cloud:AccessKeyId"] = "test";
            settings["Cloud:SecretAccessKey"] = "test";
        }

        configuration.AddInMemoryCollection(settings);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Cookies are Secure everywhere except plain-http requests to a loopback address (the embedded default).</summary>
    private static bool IsLoopback(HttpContext context) =>
        !context.Request.IsHttps
        && (context.Request.Host.Host is "localhost" || (System.Net.IPAddress.TryParse(context.Request.Host.Host, out var host) && System.Net.IPAddress.IsLoopback(host)));
}
