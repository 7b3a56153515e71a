using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Persistence;

/// <summary>
/// Hands out the provider-specific context as the common <see cref="PortalDbContext"/>, so
/// components and use cases inject <c>IDbContextFactory&lt;PortalDbContext&gt;</c> whatever the provider.
/// </summary>
public sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
    where TContext : PortalDbContext
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
