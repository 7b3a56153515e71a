using System.Text.Json;
using Portal.E2E.Tests.Infrastructure;

namespace Portal.E2E.Tests.Oidc;

/// <summary>Operators can point the portal at another groups claim and their own group names.</summary>
public class CustomMappingOidcSignInTests(CustomMappingOidcPortal portal) : IClassFixture<CustomMappingOidcPortal>
{
    [Fact]
    public async Task Groups_from_the_configured_claim_map_through_the_configured_names()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();

        await portal.SignInAtProviderAsync(page, "kim", "/audit");

        Assert.Equal("Audit trail", await page.Locator("main h1").InnerTextAsync());
        var response = await page.Context.APIRequest.GetAsync("/api/v1/me", new() { MaxRedirects = 0 });
        using var me = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal("kim", me.RootElement.GetProperty("login").GetString());
        Assert.Equal(["DataScientist", "SecurityAuditor"], me.RootElement.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["churn"], me.RootElement.GetProperty("projects").EnumerateArray().Select(e => e.GetString()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Default_group_names_grant_nothing_once_a_mapping_is_configured()
    {
        Assert.SkipWhen(portal.SkipReason is not null, portal.SkipReason ?? string.Empty);
        var page = await portal.NewPageAsync();

        // avery is in portal-auditors, in the `groups` claim this portal does not read.
        await portal.SignInAtProviderAsync(page, "avery", "/");

        await page.GotoAsync("/audit");
        await page.WaitForInteractiveAsync();
        Assert.Equal("Access denied", await page.Locator("main h1").InnerTextAsync());
        await page.Context.CloseAsync();
    }
}
