using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KpuTriage.Core.Persistence;

// Used only by `dotnet ef migrations add` to build each provider's model; never at run time.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTriageDb>
{
    public SqliteTriageDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTriageDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTriageDb>
{
    public PostgresTriageDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTriageDb>().UseNpgsql("Host=localhost").Options);
}
