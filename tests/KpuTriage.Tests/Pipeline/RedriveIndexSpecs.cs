using KpuTriage.Core.Persistence;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KpuTriage.Tests.Pipeline;

/// <summary>
/// The redriver asks, per stage and pass, for the oldest documents of one status whose hand-off
/// is pending. In an office of 100,000 letters, 95,000 of them committed and announced, that
/// query must read its batch from an index in order, not walk past every announced letter of
/// the status (39 ms and 2,800 pages a stage, every pass) nor sort every pending row. The
/// query below is the redriver's (StageRedriver), as EF sends it to PostgreSQL.
/// </summary>
public sealed class RedriveIndexSpecs : IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        await using var db = new PostgresTriageDb(new DbContextOptionsBuilder<PostgresTriageDb>().UseNpgsql(database.ConnectionString).Options);
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("Committed")]
    [InlineData("Received")]
    public async Task Should_read_the_oldest_pending_hand_offs_from_the_redrive_index_when_the_office_holds_100k_letters(string status)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var fill = new NpgsqlCommand(
            """
            INSERT INTO "Documents" ("Id", "Source", "FileName", "Kind", "Sha256", "SizeBytes", "ReceivedAt", "Status", "UpdatedAt", "PublishPending", "Version")
            SELECT gen_random_uuid(), 'http', 'surat-' || i || '.pdf', 'Pdf', md5(i::text) || md5(i::text), 40000,
                   now() - interval '100 days' + i * interval '86 seconds',
                   CASE WHEN i <= 98000 THEN 'Committed' WHEN i <= 99500 THEN 'Received' ELSE 'InReview' END,
                   now() - interval '100 days' + i * interval '86 seconds', i > 95000 AND i <= 99500, 3
            FROM generate_series(1, 100000) AS i;
            ANALYZE "Documents";
            """, connection))
        {
            await fill.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand(
            """EXPLAIN SELECT d.* FROM "Documents" AS d WHERE d."Status" = $1 AND d."PublishPending" AND d."UpdatedAt" <= $2 ORDER BY d."UpdatedAt" LIMIT $3""",
            connection);
        explain.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        explain.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = DateTimeOffset.UtcNow.AddMinutes(-2) });
        explain.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 200 });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join('\n', plan);
        Assert.True(text.Contains("Index Scan using \"IX_Documents_Redrive\"", StringComparison.Ordinal), text);
        Assert.DoesNotContain("Sort", text, StringComparison.Ordinal);
    }
}
