using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Persistence;

/// <summary>The portal database on PostgreSQL. Migrations in <c>Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
