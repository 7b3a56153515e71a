using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Persistence;

/// <summary>
/// The portal's database. One subclass per provider carries that provider's migrations
/// (<see cref="SqlitePortalDbContext"/>, <see cref="PostgresPortalDbContext"/>).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditEventRecord>(e =>
        {
            e.ToTable("audit_events");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Sequence).IsUnique();
            e.HasIndex(x => x.OccurredAt);
            e.HasIndex(x => new { x.Project, x.OccurredAt });
            e.HasIndex(x => new { x.Actor, x.OccurredAt });
            e.Property(x => x.Action).HasMaxLength(128);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.ActorRoles).HasMaxLength(512);
            e.Property(x => x.Project).HasMaxLength(64);
            e.Property(x => x.Target).HasMaxLength(2048);
            e.Property(x => x.Outcome).HasMaxLength(32);
            e.Property(x => x.CorrelationId).HasMaxLength(128);
            e.Property(x => x.SourceAddress).HasMaxLength(64);
            e.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength();
            e.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
