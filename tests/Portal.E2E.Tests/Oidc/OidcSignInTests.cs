using System.Text.Json;
using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;

namespace Portal.E2E.Tests.Oidc;

/// <summary>
/// Sign-in through a real OpenID provider: its login form, the code + PKCE round trip, the groups claim
/// mapped to portal roles and projects, what each user may then see, and sign-out at both ends.
/// </summary>
public class OidcSignInTests(OidcPortal portal) : IClassFixture<OidcPortal>
{
    [Fact]
    public async Task Data_scientist_sees_only_the_data_science_area_and_is_refused_the_audit_trail()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();

        await portal.SignInAtProviderAsync(page, "dana", "/notebooks");

        Assert.Equal("Notebooks", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal("Dana Scientist", await page.Locator("#current-user").InnerTextAsync());
        Assert.Equal(["Getting started", "Notebooks", "Jobs and endpoints", "Environment settings"], await NavLinksAsync(page));

        await page.GotoAsync("/audit");
        await page.WaitForInteractiveAsync();
        Assert.Equal("Access denied", await page.Locator("main h1").InnerTextAsync());
        Assert.Contains("Security auditor", await page.Locator("#access-denied").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/platform/foundation");
        await page.WaitForInteractiveAsync();
        Assert.Equal("Access denied", await page.Locator("main h1").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Auditor_reads_the_audit_trail_and_every_area()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();

        await portal.SignInAtProviderAsync(page, "avery", "/audit");

        Assert.Equal("Audit trail", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal("Avery Auditor", await page.Locator("#current-user").InnerTextAsync());
        Assert.Equal(
            ["Getting started", "Foundation", "Guardrails", "Projects", "Products", "Notebooks", "Jobs and endpoints",
             "Environment settings", "Audit trail", "Compliance"],
            await NavLinksAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Platform_engineer_sees_the_foundation_but_neither_notebooks_nor_the_audit_trail()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();

        await portal.SignInAtProviderAsync(page, "pat", "/platform/foundation");

        Assert.Equal("Foundation", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal(["Getting started", "Foundation", "Guardrails", "Projects", "Products"], await NavLinksAsync(page));

        await page.GotoAsync("/notebooks");
        await page.WaitForInteractiveAsync();
        Assert.Equal("Access denied", await page.Locator("main h1").InnerTextAsync());
        Assert.Contains("Data scientist", await page.Locator("#access-denied").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task User_in_no_portal_group_signs_in_but_reaches_no_area()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();

        await portal.SignInAtProviderAsync(page, "nobody");

        Assert.Equal("Nobody Special", await page.Locator("#current-user").InnerTextAsync());
        Assert.Equal(["Getting started"], await NavLinksAsync(page));
        await page.GotoAsync("/admin/projects");
        await page.WaitForInteractiveAsync();
        Assert.Equal("Access denied", await page.Locator("main h1").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("dana", "Dana Scientist", "DataScientist", "credit-risk", "")]
    [InlineData("sam", "Sam Scientist", "DataScientist", "fraud-detection", "")]
    [InlineData("ada", "Ada Admin", "DataScienceAdmin", "", "credit-risk")]
    [InlineData("pat", "Pat Platform", "PlatformEngineer", "", "")]
    [InlineData("avery", "Avery Auditor", "SecurityAuditor", "", "")]
    [InlineData("nobody", "Nobody Special", "", "", "")]
    // jo's provider sends the groups as one string holding a JSON array, not as a JSON array.
    [InlineData("jo", "Jo Stringgroups", "DataScienceAdmin,DataScientist", "credit-risk", "fraud-detection")]
    // kim's groups are only in cognito:groups, which this portal (default GroupsClaim) does not read.
    [InlineData("kim", "Kim Custom", "", "", "")]
    public async Task Me_endpoint_returns_the_roles_and_projects_mapped_from_the_providers_groups(
        string login, string name, string roles, string projects, string administeredProjects)
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();
        await portal.SignInAtProviderAsync(page, login);

        var response = await page.Context.APIRequest.GetAsync("/api/v1/me", new() { MaxRedirects = 0 });

        Assert.Equal(200, response.Status);
        using var me = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal(name, me.RootElement.GetProperty("name").GetString());
        Assert.Equal(List(roles), Strings(me.RootElement.GetProperty("roles")));
        Assert.Equal(List(projects), Strings(me.RootElement.GetProperty("projects")));
        Assert.Equal(List(administeredProjects), Strings(me.RootElement.GetProperty("administeredProjects")));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Login_is_the_providers_preferred_username()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();
        await portal.SignInAtProviderAsync(page, "dana");

        var response = await page.Context.APIRequest.GetAsync("/api/v1/me", new() { MaxRedirects = 0 });

        using var me = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal("dana", me.RootElement.GetProperty("login").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Anonymous_api_request_gets_a_401_problem_and_no_redirect_to_the_provider()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();

        var response = await page.Context.APIRequest.GetAsync("/api/v1/me", new() { MaxRedirects = 0 });

        Assert.Equal(401, response.Status);
        Assert.StartsWith("application/problem+json", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.False(response.Headers.ContainsKey("location"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Protected_page_opened_signed_out_leads_to_the_providers_login_form()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/jobs");

        await portal.AssertOnProviderLoginFormAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_button_in_the_header_leads_to_the_providers_login_form()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();

        await page.Locator("#sign-in").ClickAsync();
        await page.Locator("#signin-oidc").ClickAsync();

        await portal.AssertOnProviderLoginFormAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_the_portal_and_at_the_provider()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();
        await portal.SignInAtProviderAsync(page, "sam", "/notebooks");

        await page.Locator("#sign-out").ClickAsync();

        // The provider asks whether to end its session too (RP-initiated logout), then returns to the portal.
        await page.Locator("#op-logout-yes").ClickAsync();
        await page.WaitForURLAsync(url => portal.IsPortal(url) && new Uri(url).AbsolutePath == "/");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#current-user").CountAsync());

        var me = await page.Context.APIRequest.GetAsync("/api/v1/me", new() { MaxRedirects = 0 });
        Assert.Equal(401, me.Status);

        // Had the provider kept its session, this would come straight back signed in instead of asking again.
        await page.GotoAsync("/notebooks");
        await portal.AssertOnProviderLoginFormAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Page_signed_in_through_the_provider_has_no_serious_accessibility_violation()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();

        await portal.SignInAtProviderAsync(page, "ada", "/admin/projects");

        Assert.Equal("Projects", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#dev-signin-banner").CountAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.Context.CloseAsync();
    }

    private static async Task<IReadOnlyList<string>> NavLinksAsync(IPage page)
    {
        var links = await page.Locator("nav a").AllInnerTextsAsync();
        return links.Select(l => l.Trim()).ToList();
    }

    private static List<string> List(string commaSeparated) =>
        commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static List<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();
}
