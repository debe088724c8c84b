using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KpuTriage.Core.Persistence;

/// <summary>The standalone default: one SQLite file under the data folder.</summary>
public sealed class SqliteTriageDb(DbContextOptions<SqliteTriageDb> options) : TriageDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; we store UTC only, so the
        // binary form (ticks) orders correctly and keeps range queries in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
