namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// The real servers the integration tests use, started on 127.0.0.1 by ./test.sh. A missing
/// setting fails the test with the command to run: these tests are never skipped.
/// </summary>
internal static class TestServers
{
    public static string Postgres => Required("KPUTRIAGE_TEST_POSTGRES");

    public static Uri RabbitMq => new(Required("KPUTRIAGE_TEST_RABBITMQ"));

    public static Uri RabbitMqManagement => new(Environment.GetEnvironmentVariable("KPUTRIAGE_TEST_RABBITMQ_MANAGEMENT") ?? "http://127.0.0.1:15682");

    public static string RabbitMqCtl => Required("KPUTRIAGE_TEST_RABBITMQCTL");

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests with ./test.sh, which starts PostgreSQL and RabbitMQ on 127.0.0.1.");
}
