using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Persistence;

/// <summary>The portal database on SQLite (the embedded default). Migrations in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);
