using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

public class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/account/signin")]
    [InlineData("/no-such-page")]
    [InlineData("/audit")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        await using var factory = new PortalFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task An_unknown_page_answers_404_with_a_friendly_page()
    {
        await using var factory = new PortalFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/definitely/not/here", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
