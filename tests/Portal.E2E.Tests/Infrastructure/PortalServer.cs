using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.TestKit;

namespace Portal.E2E.Tests.Infrastructure;

/// <summary>
/// One portal on a real loopback Kestrel port (embedded default: SQLite, LocalCloud, development sign-in)
/// and one headless Debian Chromium, shared by every end-to-end test of the assembly.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "portal-e2e", Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser? Browser { get; private set; }

    /// <summary>Why end-to-end tests are skipped here (never in CI, where a missing browser fails).</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = Prerequisite.Missing($"Chromium at {ChromiumPath} (apt-get install chromium)");
            return;
        }

        Directory.CreateDirectory(_directory);
        _factory = new Factory(_directory);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a page on the portal.</summary>
    public async Task<IPage> NewPageAsync(bool darkScheme = false)
    {
        var context = await Browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ColorScheme = darkScheme ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
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

    private sealed class Factory(string directory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(directory, "portal.db")};Pooling=false");
            builder.UseSetting("LocalCloud:DataDirectory", Path.Combine(directory, "localcloud"));
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }
}
