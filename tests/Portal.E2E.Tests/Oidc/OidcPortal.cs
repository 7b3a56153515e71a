using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.TestKit;

namespace Portal.E2E.Tests.Oidc;

/// <summary>
/// A portal in <c>Auth:Mode=Oidc</c> signing in through the real test OpenID provider (npm oidc-provider),
/// both on their own loopback ports, and a headless Chromium. One per test class; every test takes a
/// fresh browser context, so no session leaks from one test into another.
/// </summary>
public class OidcPortal : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "portal-e2e-oidc", Guid.NewGuid().ToString("N"));
    private TestIdentityProvider? _provider;
    private Factory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <summary>The portal with the default group mapping.</summary>
    public OidcPortal()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>The portal with extra configuration (keys and values as in appsettings).</summary>
    protected OidcPortal(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public Uri Authority => _provider?.Authority ?? new Uri("http://127.0.0.1/");

    /// <summary>Why the tests are skipped here (never in CI, where a missing prerequisite fails).</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        if (!File.Exists(PortalServer.ChromiumPath))
        {
            SkipReason = Prerequisite.Missing($"Chromium at {PortalServer.ChromiumPath} (apt-get install chromium)");
            return;
        }

        var (providerDirectory, skipReason) = await TestIdentityProvider.PrepareAsync(cancellationToken);
        if (providerDirectory is null)
        {
            SkipReason = skipReason;
            return;
        }

        var (providerPort, portalPort) = TwoFreeLoopbackPorts();
        BaseAddress = new Uri($"http://127.0.0.1:{portalPort}/");
        _provider = await TestIdentityProvider.StartAsync(providerDirectory, providerPort, BaseAddress, cancellationToken);

        Directory.CreateDirectory(_directory);
        _factory = new Factory(_directory, _provider.Authority, _settings);
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, portalPort));
        _factory.StartServer();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = PortalServer.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies, no session) with a page on the portal. Only loopback is reachable.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);

        // The provider's pages and anything else must not reach beyond the machine.
        await context.RouteAsync(
            url => !string.Equals(new Uri(url).Host, "127.0.0.1", StringComparison.Ordinal),
            route => route.AbortAsync("blockedbyclient"));
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Opens <paramref name="path"/> while signed out, which leads to the provider's login form; signs in there
    /// as <paramref name="login"/> (any password) and waits until the portal shows the page, interactive.
    /// </summary>
    public async Task SignInAtProviderAsync(IPage page, string login, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(page);
        // A protected page challenges straight to the provider; a page anyone may open is entered through the
        // sign-in endpoint the "Sign in" page links to.
        await page.GotoAsync(path);
        if (IsPortal(page.Url))
        {
            await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(path)}");
        }

        await AssertOnProviderLoginFormAsync(page);
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("any-password");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => IsPortal(url) && new Uri(url).PathAndQuery == path);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Waits for the provider's login form and checks it really is the provider's.</summary>
    public async Task AssertOnProviderLoginFormAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("input[name=login]").WaitForAsync();
        Assert.StartsWith(Authority.GetLeftPart(UriPartial.Authority) + "/", page.Url, StringComparison.Ordinal);
    }

    public bool IsPortal(string url) =>
        url.StartsWith(BaseAddress.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal);

    /// <summary>What the provider printed, for failure messages.</summary>
    public string ProviderOutput => _provider?.Output ?? string.Empty;

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never created: skipped before start.
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort: the OS cleans temp.
        }
    }

    /// <summary>Two distinct ports free on 127.0.0.1 now (both held open while choosing, so they differ).</summary>
    private static (int First, int Second) TwoFreeLoopbackPorts()
    {
        var first = new TcpListener(IPAddress.Loopback, 0);
        var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        try
        {
            return (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
        }
        finally
        {
            first.Stop();
            second.Stop();
        }
    }

    private sealed class Factory(string directory, Uri authority, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(directory, "portal.db")};Pooling=false");
            builder.UseSetting("LocalCloud:DataDirectory", Path.Combine(directory, "localcloud"));
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Auth:Mode", "Oidc");
            builder.UseSetting("Auth:Oidc:Authority", authority.GetLeftPart(UriPartial.Authority));
            builder.UseSetting("Auth:Oidc:ClientId", TestIdentityProvider.ClientId);
            builder.UseSetting("Auth:Oidc:ClientSecret", TestIdentityProvider.ClientSecret);
            builder.UseSetting("Auth:Oidc:Scopes:0", "profile");
            builder.UseSetting("Auth:Oidc:Scopes:1", "email");
            builder.UseSetting("Auth:Oidc:Scopes:2", "groups");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
