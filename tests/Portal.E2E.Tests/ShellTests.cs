using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;

namespace Portal.E2E.Tests;

public class ShellTests(PortalServer server)
{
    [Fact]
    public async Task Home_page_becomes_interactive_toggles_dark_mode_and_has_no_serious_accessibility_violation()
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var page = await server.NewPageAsync();

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        Assert.Equal("Getting started", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal(1, await page.Locator("main").CountAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        var toggle = page.Locator("#dark-mode-toggle");
        var lightBackground = await BackgroundAsync(page);
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        var darkBackground = await BackgroundAsync(page);

        Assert.NotEqual(lightBackground, darkBackground);
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/platform/foundation", "Foundation")]
    [InlineData("/platform/guardrails", "Guardrails")]
    [InlineData("/admin/projects", "Projects")]
    [InlineData("/admin/products", "Products")]
    [InlineData("/notebooks", "Notebooks")]
    [InlineData("/jobs", "Jobs and endpoints")]
    [InlineData("/environment", "Environment settings")]
    [InlineData("/audit", "Audit trail")]
    [InlineData("/compliance", "Compliance")]
    public async Task Every_area_page_says_what_it_offers_and_is_accessible(string path, string heading)
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var page = await server.NewPageAsync();

        // The auditor may read every area, so one persona reaches every page.
        await page.SignInAsync("avery", path);

        Assert.Equal(heading, await page.Locator("main h1").InnerTextAsync());
        Assert.True(await page.Locator("#planned-feature").IsVisibleAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_signed_in_in_dark_mode_have_no_serious_accessibility_violation()
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var page = await server.NewPageAsync(darkScheme: true);

        await page.SignInAsync("ada", "/admin/projects");
        await Assertions.Expect(page.Locator("#dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_and_not_found_pages_are_accessible()
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var page = await server.NewPageAsync();

        await page.GotoAsync("/account/signin");
        Assert.Equal("Sign in", await page.Locator("main h1").InnerTextAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        var response = await page.GotoAsync("/no/such/page");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.Locator("main h1").InnerTextAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Navigation_shows_only_the_areas_of_the_users_roles_and_a_refused_page_names_the_missing_role()
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        var page = await server.NewPageAsync();

        await page.SignInAsync("dana");
        var nav = page.Locator("nav");
        await Assertions.Expect(nav.GetByText("Notebooks")).ToBeVisibleAsync();
        Assert.Equal(0, await nav.GetByText("Audit trail").CountAsync());
        Assert.Equal(0, await nav.GetByText("Foundation").CountAsync());
        Assert.Equal("Dana Scientist", await page.Locator("#current-user").InnerTextAsync());

        await page.GotoAsync("/audit");
        await page.WaitForInteractiveAsync();
        Assert.Equal("Access denied", await page.Locator("main h1").InnerTextAsync());
        Assert.Contains("Security auditor", await page.Locator("#access-denied").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.Locator("#sign-out").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
