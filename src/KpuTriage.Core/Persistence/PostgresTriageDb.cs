using KpuTriage.Core.Blobs;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Persistence;

/// <summary>The production store: PostgreSQL, which also keeps the office's blobs (<see cref="PostgresBlobStore"/>).</summary>
public sealed class PostgresTriageDb(DbContextOptions<PostgresTriageDb> options) : TriageDb(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Only here: the standalone desk (SQLite) keeps its blobs in the data folder.
        modelBuilder.Entity<StoredBlob>(b =>
        {
            b.ToTable("Blobs");
            b.HasKey(x => x.Sha256);
            b.Property(x => x.Sha256).HasMaxLength(64);
        });
        modelBuilder.Entity<BlobChunk>(c =>
        {
            c.ToTable("BlobChunks");
            c.HasKey(x => new { x.Sha256, x.Index });
            c.Property(x => x.Sha256).HasMaxLength(64);
            c.HasOne<StoredBlob>().WithMany().HasForeignKey(x => x.Sha256).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
