using KpuTriage.Core.Blobs;
using KpuTriage.Core.Classification;
using KpuTriage.Core.Dashboard;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Intake;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Register;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KpuTriage.Core.Hosting;

/// <summary>The composition of KpuTriage shared by every host: storage, pipeline stages, engine, review and accounts.</summary>
public static class KpuTriageServices
{
    /// <summary>
    /// Registers everything from configuration. Bad settings fail here, at start, with the key to set.
    /// </summary>
    public static IHostApplicationBuilder AddKpuTriage(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;

        // Registered first so migrations finish before the bus and the redriver start.
        services.AddHostedService<DatabaseSetup>();
        builder.AddKpuTriageData();
        Bind<IntakeOptions>(services, configuration, IntakeOptions.Section);
        Bind<PipelineOptions>(services, configuration, PipelineOptions.Section);
        Bind<TransportOptions>(services, configuration, TransportOptions.Section);
        Bind<RegisterOptions>(services, configuration, RegisterOptions.Section);
        builder.AddKpuTriageEngine();
        services.AddScoped<Handoff>();
        // Before the bus: hosted services stop in reverse, so the stages stop before the last marks are cleared.
        services.AddSingleton<PublishedMarks>();
        services.AddHostedService(sp => sp.GetRequiredService<PublishedMarks>());
        services.AddSingleton<PublishFailureLog>();

        // MassTransit logs every failed send with its stack trace (S-FAULT), once per letter
        // during an outage; the code that sent reports it instead, once per cause and then with
        // counts (PublishFailureLog, the checkpoint schedule).
        builder.Logging.QuietMassTransitSendFaults();
        services.AddScoped<IntakeService>();
        Bind<ReviewOptions>(services, configuration, ReviewOptions.Section);
        services.AddSingleton<FourEyesRule>();
        services.AddScoped<DecisionService>();
        services.AddScoped<ReviewInbox>();
        services.AddScoped<ReviewHolds>();
        services.AddScoped<RegisterSearch>();
        Bind<DashboardOptions>(services, configuration, DashboardOptions.Section);
        services.AddSingleton<OfficeCalendar>();
        services.AddSingleton<TokenPrices>();
        services.AddScoped<DeskFigures>();
        Bind<PageImageOptions>(services, configuration, PageImageOptions.Section);
        services.AddSingleton(sp => new PageImages(
            Path.Combine(DataDirectory.Resolve(configuration), "pages"), sp.GetRequiredService<IBlobStore>(),
            sp.GetRequiredService<IOptions<PageImageOptions>>().Value, sp.GetRequiredService<IOptions<TextExtractorOptions>>().Value));
        services.AddScoped<FirstRunSetup>();

        var pipeline = configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>() ?? new PipelineOptions();
        var transport = configuration.GetSection(TransportOptions.Section).Get<TransportOptions>() ?? new TransportOptions();
        if (transport.IsRabbitMq && transport.RabbitMqUri is null)
        {
            throw new InvalidOperationException("Transport:Kind is 'rabbitmq' but Transport:RabbitMqUri is not set (e.g. amqp://user:password@host:5672/).");
        }

        services.AddSingleton<StageCounters>();
        services.AddTriageBus(pipeline, transport);
        services.AddHostedService<StageRedriver>();
        if (configuration.GetSection(LedgerOptions.Section).Get<LedgerOptions>() is not { CheckpointInterval.Ticks: 0 })
        {
            services.AddHostedService<CheckpointSchedule>();
        }
        if (pipeline.Runs("propose"))
        {
            services.AddHostedService<ClassifierRefresh>();
            services.AddHostedService<ReplayWorker>();
            if (configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() is { Enabled: true })
            {
                services.AddHostedService<ShadowRunner>();
            }
        }

        if (pipeline.Runs("ocr"))
        {
            services.AddHostedService<OcrStartupCheck>();
        }

        if (pipeline.Runs("intake") && configuration[$"{IntakeOptions.Section}:WatchFolder"] is { Length: > 0 })
        {
            services.AddHostedService<FolderIntake>();
        }

        return builder;
    }

    /// <summary>
    /// The engine that proposes (text extraction, letter parser, classifier, language models)
    /// and the prompt replays that run it; with <see cref="AddKpuTriageData"/>, what the command
    /// line needs to replay a prompt version in its own process.
    /// </summary>
    public static IHostApplicationBuilder AddKpuTriageEngine(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        Bind<TextExtractorOptions>(services, builder.Configuration, TextExtractorOptions.SectionName);
        services.AddSingleton(sp => new TextExtractor(sp.GetRequiredService<IOptions<TextExtractorOptions>>().Value));
        services.AddSingleton<LetterHeaderParser>();
        services.AddSingleton<CurrentClassifier>();
        services.AddLanguageModels(builder.Configuration);
        services.AddScoped<GoldSet>();
        services.AddScoped<PromptReplays>();
        return builder;
    }

    /// <summary>
    /// What the office's administration commands need, without the pipeline: the database,
    /// the blob store, the taxonomy, the classifier's seed set and its training.
    /// </summary>
    public static IHostApplicationBuilder AddKpuTriageData(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var dataDirectory = DataDirectory.Resolve(configuration);
        services.AddSingleton(TimeProvider.System);
        AddStorage(services, configuration, dataDirectory);
        var promptsDirectory = PromptsDirectory(configuration);
        services.AddSingleton(_ => Taxonomy.Load(promptsDirectory));
        services.AddSingleton(sp => SeedSet.Load(promptsDirectory, sp.GetRequiredService<Taxonomy>()));
        Bind<ClassifierOptions>(services, configuration, ClassifierOptions.Section);
        services.AddScoped<ClassifierTraining>();
        services.AddScoped<AccountService>();
        services.AddScoped<IntegrationKeys>();
        services.AddScoped<AccountSessions>();
        services.AddScoped<PasswordSignIn>();
        Bind<SignInThrottleOptions>(services, configuration, SignInThrottleOptions.Section);
        services.AddScoped<DecisionLedger>();
        Bind<PromptOptions>(services, configuration, PromptOptions.Section);
        services.AddScoped<PromptVersions>();
        services.AddSingleton(new PromptFolder(promptsDirectory));
        AddLedger(services, configuration, dataDirectory);
        return builder;
    }

    /// <summary>Prompts:Directory, or the prompts/ folder that travels beside the binaries.</summary>
    private static string PromptsDirectory(IConfiguration configuration) =>
        configuration["Prompts:Directory"] is { Length: > 0 } prompts ? prompts : Path.Combine(AppContext.BaseDirectory, "prompts");
    private static void AddLedger(IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<LedgerOptions>().Bind(configuration.GetSection(LedgerOptions.Section))
            .PostConfigure(o =>
            {
                o.KeyPath = Path.GetFullPath(o.KeyPath is { Length: > 0 } path ? path : Path.Combine(dataDirectory, "ledger", "office-key.pem"));
                if (o.RabbitMqUri is null && configuration.GetSection(TransportOptions.Section).Get<TransportOptions>() is { IsRabbitMq: true } transport)
                {
                    o.RabbitMqUri = transport.RabbitMqUri;
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        // Made on first use when missing; the checkpoint schedule uses it at start, so a new key is logged then.
        services.AddSingleton(sp => OfficeKey.LoadOrCreate(
            sp.GetRequiredService<IOptions<LedgerOptions>>().Value.KeyPath!, sp.GetRequiredService<ILoggerFactory>().CreateLogger<OfficeKey>()));
        services.AddScoped<CheckpointSigner>();
        services.AddScoped<KeyRotation>();
        services.AddScoped<CheckpointImport>();
        services.AddScoped<LedgerAudit>();
        services.AddScoped<LedgerExport>();
        services.AddScoped<LedgerBackfill>();
    }

    private static void AddStorage(IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        // Storage:Provider — read here, once: the provider decides which DbContext and which blob store are registered.
        var provider = configuration["Storage:Provider"] ?? "sqlite";
        var folder = new FolderBlobStore(Path.Combine(dataDirectory, "blobs"));
        services.AddSingleton(folder);
        switch (provider)
        {
            case "sqlite":
                var file = Path.Combine(dataDirectory, "kputriage.db");
                services.AddDbContext<TriageDb, SqliteTriageDb>(o => o.UseSqlite($"Data Source={file};Pooling=true;Default Timeout=60"));
                services.AddSingleton<IBlobStore>(folder);
                break;
            case "postgres":
                var connectionString = PostgresConnection.Prepare(configuration.GetConnectionString("Postgres")
                    ?? throw new InvalidOperationException("Storage:Provider is 'postgres' but ConnectionStrings:Postgres is not set."));
                // One pool per host, shared by the records and the blobs: two pools were twice the connections.
                services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
                services.AddDbContext<TriageDb, PostgresTriageDb>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
                // Blobs go to the database too: every host reads what any host stored, with no shared folder.
                services.AddSingleton(sp => new PostgresBlobStore(
                    sp.GetRequiredService<NpgsqlDataSource>(), Path.Combine(dataDirectory, "incoming"), folder, sp.GetRequiredService<TimeProvider>()));
                services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<PostgresBlobStore>());
                services.AddScoped<BlobMigration>();
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{provider}' is unknown: use 'sqlite' or 'postgres'.");
        }
    }

    private static void Bind<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}
