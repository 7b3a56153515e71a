using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Configuration;

namespace Portal.Web.Persistence;

/// <summary>Registers the provider-specific context, the common factory, migrations and data-protection key storage.</summary>
public static class PersistenceRegistration
{
    public static IServiceCollection AddPortalPersistence(this IServiceCollection services, DatabaseOptions database, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsPostgres)
        {
            services.AddDbContextFactory<PostgresPortalDbContext>(o => o.UseNpgsql(database.ConnectionString));
            services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<PostgresPortalDbContext>>();
        }
        else if (database.IsSqlite)
        {
            var connectionString = string.IsNullOrWhiteSpace(database.ConnectionString)
                ? DefaultSqliteConnectionString(contentRoot)
                : database.ConnectionString;
            services.AddDbContextFactory<SqlitePortalDbContext>(o => o.UseSqlite(connectionString));
            services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
        }
        else
        {
            throw new ArgumentException($"Unsupported database provider '{database.Provider}'.", nameof(database));
        }

        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        services.AddHostedService<DatabaseMigrator>();
        services.AddDataProtection().SetApplicationName("SecureDataSciencePortal").PersistKeysToDbContext<PortalDbContext>();
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        return services;
    }

    private static string DefaultSqliteConnectionString(string contentRoot)
    {
        var dataDir = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(dataDir);
        return $"Data Source={Path.Combine(dataDir, "portal.db")}";
    }
}
