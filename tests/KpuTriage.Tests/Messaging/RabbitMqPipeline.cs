using KpuTriage.Core.Documents;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace KpuTriage.Tests.Messaging;

/// <summary>
/// The production shape on real servers: a web front that runs no stages, two workers as
/// competing consumers, RabbitMQ in its own virtual host and PostgreSQL in its own database.
/// </summary>
internal sealed class RabbitMqPipeline : IAsyncDisposable
{
    private readonly TempDirectory data;
    private readonly PostgresDatabase database;
    private readonly RabbitVhost vhost;
    private readonly List<IHost> workers;

    private readonly DeskSettings workerSettings;

    private RabbitMqPipeline(TempDirectory data, PostgresDatabase database, RabbitVhost vhost, Desk desk, List<IHost> workers, DeskSettings workerSettings)
    {
        this.workerSettings = workerSettings;
        this.data = data;
        this.database = database;
        this.vhost = vhost;
        this.workers = workers;
        Desk = desk;
    }

    public Desk Desk { get; }
    public Uri RabbitMq => vhost.Uri;

    /// <param name="postgresServer">A server of the test's own (<see cref="PrivatePostgres"/>); the shared one when null.</param>
    /// <param name="workerStages">The stages each worker runs (Pipeline:Stages).</param>
    public static async Task<RabbitMqPipeline> StartAsync(
        Dictionary<string, string>? extra = null, int workerCount = 2, string? postgresServer = null, string workerStages = "intake,extract,propose,review")
    {
        var data = new TempDirectory();
        var database = await PostgresDatabase.CreateAsync(postgresServer);
        var vhost = await RabbitVhost.CreateAsync();
        var settings = new DeskSettings
        {
            DataDirectory = data.Path,
            PostgresConnectionString = database.ConnectionString,
            RabbitMq = vhost.Uri,
            Stages = "",
            Extra = extra ?? [],
        };
        var desk = await Desk.StartAsync(settings);
        var workerSettings = settings with { Stages = workerStages };
        var workers = new List<IHost>();
        for (var i = 0; i < workerCount; i++)
        {
            workers.Add(await TestWorker.StartAsync(workerSettings));
        }

        return new RabbitMqPipeline(data, database, vhost, desk, workers, workerSettings);
    }

    /// <inheritdoc cref="RabbitVhost.QueueStatAsync"/>
    public Task<int?> QueueStatAsync(string queue, string stat) => vhost.QueueStatAsync(queue, stat);

    /// <summary>Stops and disposes the first worker as its program's end would (Run: stop, then dispose).</summary>
    public async Task StopWorkerAsync()
    {
        var worker = workers[0];
        workers.RemoveAt(0);
        await worker.StopAsync();
        worker.Dispose();
    }

    public async Task AddWorkerAsync() => workers.Add(await TestWorker.StartAsync(workerSettings));

    public async Task WaitForAsync(int count, DocumentStatus status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int seen;
        while ((seen = await Desk.CountAsync(status)) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {seen} of {count} documents reached {status} in {timeout}");
            await Task.Delay(200);
        }
    }

    public Task<int> CountAsync<T>(Func<Core.Persistence.TriageDb, IQueryable<T>> rows) => Desk.QueryAsync(db => rows(db).CountAsync());

    public async ValueTask DisposeAsync()
    {
        // Each step is bounded, so a stop that hangs (issue: host stop after a broker restart)
        // fails the spec naming the step within minutes instead of running into CI's limit.
        foreach (var worker in workers)
        {
            await Bounded("stopping a worker host", worker.StopAsync());
            worker.Dispose();
        }

        await Bounded("stopping the desk", Desk.DisposeAsync().AsTask());
        await Bounded("deleting the virtual host", vhost.DisposeAsync().AsTask());
        await Bounded("dropping the database", database.DisposeAsync().AsTask());
        data.Dispose();
    }

    private static async Task Bounded(string step, Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{step} took over 2 minutes");
        }
    }
}
