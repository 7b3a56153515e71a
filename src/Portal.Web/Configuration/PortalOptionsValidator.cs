using Microsoft.Extensions.Options;

namespace Portal.Web.Configuration;

/// <summary>
/// Validates the portal's start-up options. Every failure is one sentence naming the configuration
/// key, the value found and the values allowed, so an operator can fix it without reading code.
/// </summary>
public sealed class PortalOptionsValidator(IHostEnvironment environment) :
    IValidateOptions<DatabaseOptions>, IValidateOptions<CloudOptions>, IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsOneOf(options.Provider, DatabaseOptions.AllowedProviders))
        {
            return Fail("Database:Provider", options.Provider, DatabaseOptions.AllowedProviders);
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:Portal is required when Database:Provider is Postgres (e.g. \"Host=127.0.0.1;Database=portal;Username=portal\").");
        }

        return ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, CloudOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsOneOf(options.Mode, CloudOptions.AllowedModes))
        {
            return Fail("Cloud:Mode", options.Mode, CloudOptions.AllowedModes);
        }

        return options.LocalCloudPort is < 0 or > 65535
            ? ValidateOptionsResult.Fail($"Cloud:LocalCloudPort is '{options.LocalCloudPort}'; allowed: 0 (any free port) to 65535.")
            : ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsOneOf(options.Mode, AuthOptions.AllowedModes))
        {
            return Fail("Auth:Mode", options.Mode, AuthOptions.AllowedModes);
        }

        if (options.IsDevelopment && environment.IsProduction() && !options.AllowDevelopmentSignIn)
        {
            return ValidateOptionsResult.Fail(
                "Auth:Mode is 'Development' but the environment is Production; use Auth:Mode=Oidc, or set Auth:AllowDevelopmentSignIn=true to allow demo sign-in deliberately.");
        }

        foreach (var (key, template) in new[] { ("Auth:ProjectGroups:Users", options.ProjectGroups.Users), ("Auth:ProjectGroups:Admins", options.ProjectGroups.Admins) })
        {
            if (string.IsNullOrWhiteSpace(template) || !template.Contains("{project}", StringComparison.Ordinal))
            {
                return ValidateOptionsResult.Fail($"{key} is '{template}'; it must contain {{project}}, e.g. ds-{{project}}-users.");
            }
        }

        return options.IsOidc ? ValidateOidc(options.Oidc) : ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidateOidc(OidcSettings oidc)
    {
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            return ValidateOptionsResult.Fail($"Auth:Oidc:Authority is '{oidc.Authority}'; it must be the identity provider's issuer URL (https://…) when Auth:Mode is Oidc.");
        }

        if (authority.Scheme == "http" && !authority.IsLoopback)
        {
            return ValidateOptionsResult.Fail($"Auth:Oidc:Authority is '{oidc.Authority}'; plain http is allowed only on loopback addresses — use https.");
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            return ValidateOptionsResult.Fail("Auth:Oidc:ClientId is required when Auth:Mode is Oidc.");
        }

        return string.IsNullOrWhiteSpace(oidc.GroupsClaim) || string.IsNullOrWhiteSpace(oidc.NameClaim)
            ? ValidateOptionsResult.Fail("Auth:Oidc:GroupsClaim and Auth:Oidc:NameClaim may not be empty.")
            : ValidateOptionsResult.Success;
    }

    private static bool IsOneOf(string? value, IReadOnlyList<string> allowed) =>
        value is not null && allowed.Contains(value, StringComparer.OrdinalIgnoreCase);

    private static ValidateOptionsResult Fail(string key, string? value, IReadOnlyList<string> allowed) =>
        ValidateOptionsResult.Fail($"{key} is '{value}'; allowed values: {string.Join(", ", allowed)}.");
}
