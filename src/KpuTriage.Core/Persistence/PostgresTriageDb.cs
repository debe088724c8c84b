using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Persistence;

/// <summary>The production store: PostgreSQL.</summary>
public sealed class PostgresTriageDb(DbContextOptions<PostgresTriageDb> options) : TriageDb(options);
