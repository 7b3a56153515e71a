using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Persistence;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

public class HealthTests
{
    [Fact]
    public async Task On_sqlite_migrations_apply_and_readyz_and_healthz_are_green()
    {
        await using var factory = new PortalFactory();
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), ct);
        var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(ct));
        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        await AssertMigratedAsync(factory, "Microsoft.EntityFrameworkCore.Sqlite", ct);
    }

    [Fact]
    public async Task On_postgres_migrations_apply_and_readyz_and_healthz_are_green()
    {
        var connectionString = PostgresDatabase.NewConnectionString(out var skip);
        Assert.SkipWhen(connectionString is null, skip);
        await using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = connectionString,
        });
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        try
        {
            var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), ct);
            var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);

            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
            await AssertMigratedAsync(factory, "Npgsql.EntityFrameworkCore.PostgreSQL", ct);
        }
        finally
        {
            await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
            await db.Database.EnsureDeletedAsync(ct);
        }
    }

    [Fact]
    public async Task Start_up_fails_when_the_database_cannot_be_reached()
    {
        await using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = "Host=127.0.0.1;Port=1;Database=nowhere;Timeout=2",
        });

        // The migrator cannot reach the database either, so the host refuses to start: nothing half-works.
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("127.0.0.1", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task AssertMigratedAsync(PortalFactory factory, string provider, CancellationToken ct)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        Assert.Equal(provider, db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(0, await db.AuditEvents.CountAsync(ct));
    }
}
