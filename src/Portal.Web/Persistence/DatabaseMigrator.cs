using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Persistence;

/// <summary>Applies pending migrations before the portal starts serving requests.</summary>
public sealed partial class DatabaseMigrator(IDbContextFactory<PortalDbContext> factory, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogApplying(logger, pending.Count, db.Database.ProviderName ?? "unknown");
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s) on {Provider}")]
    private static partial void LogApplying(ILogger logger, int count, string provider);
}
