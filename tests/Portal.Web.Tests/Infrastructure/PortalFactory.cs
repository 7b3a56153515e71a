using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>
/// The whole portal in memory with its own SQLite file (or PostgreSQL database) and its own LocalCloud
/// state directory, deleted on dispose.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public PortalFactory(IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        Directory.CreateDirectory(_directory);
        Environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(_directory, "portal.db")};Pooling=false",
            ["LocalCloud:DataDirectory"] = Path.Combine(_directory, "localcloud"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Environment { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finaliser; the OS temp cleaner removes it later.
        }

        GC.SuppressFinalize(this);
    }
}
