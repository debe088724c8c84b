using Npgsql;

namespace KpuTriage.Benchmarks;

/// <summary>The servers started by tests/services (KPUTRIAGE_TEST_POSTGRES, KPUTRIAGE_TEST_RABBITMQ).</summary>
internal static class Servers
{
    public static Uri RabbitMq => new(Required("KPUTRIAGE_TEST_RABBITMQ"));

    public static async Task<string> FreshDatabaseAsync()
    {
        var name = "kpt_bench_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(Required("KPUTRIAGE_TEST_POSTGRES"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Database = name }.ConnectionString;
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"{variable} is not set: run tests/KpuTriage.Benchmarks/run.sh.");
}
