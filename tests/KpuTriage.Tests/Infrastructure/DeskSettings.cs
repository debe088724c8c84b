namespace KpuTriage.Tests.Infrastructure;

/// <summary>How a test runs KpuTriage: storage, transport, stages, and any extra setting.</summary>
internal sealed record DeskSettings
{
    public const string AdminPassword = "admin-password-for-tests";
    public const string ApiKey = "integration-key-for-tests-0123456789";

    public required string DataDirectory { get; init; }
    public string? PostgresConnectionString { get; init; }
    public Uri? RabbitMq { get; init; }
    public string Stages { get; init; } = "intake,extract,propose,review";
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>Command-line settings: the highest-priority configuration source, applied when the host is built.</summary>
    public string[] ToArgs()
    {
        var settings = new Dictionary<string, string>
        {
            ["KPUTRIAGE_DATA_DIR"] = DataDirectory,
            ["KPUTRIAGE_ADMIN_PASSWORD"] = AdminPassword,
            ["KPUTRIAGE_API_KEY"] = ApiKey,
            ["Storage:Provider"] = PostgresConnectionString is null ? "sqlite" : "postgres",
            ["Transport:Kind"] = RabbitMq is null ? "in-memory" : "rabbitmq",
            ["Pipeline:Stages"] = Stages,
            ["Pipeline:RedriveInterval"] = "00:00:01",
            ["Pipeline:RedriveAfter"] = "00:00:02",
            ["Pipeline:RetryLimit"] = "2",
            ["Pipeline:RetryMinInterval"] = "00:00:00.050",
            ["Pipeline:RetryMaxInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:KpuTriage"] = "Warning",
            // Every test signs in from 127.0.0.1; the limit has its own spec.
            ["Auth:SignInPermits"] = "1000",
        };
        if (PostgresConnectionString is not null)
        {
            settings["ConnectionStrings:Postgres"] = PostgresConnectionString;
        }

        if (RabbitMq is not null)
        {
            settings["Transport:RabbitMqUri"] = RabbitMq.ToString();
        }

        foreach (var (key, value) in Extra)
        {
            settings[key] = value;
        }

        return settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
    }
}
