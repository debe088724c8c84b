using System.Text;
using KpuTriage.Core.Classification;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Classification;

/// <summary>
/// Hosts that share an office database train the classifier once: on a fresh database every
/// worker used to train its own model at start (10–48 s of CPU each) and proposed with a
/// different model from the others until the next reload. A host stopped during that first
/// training lets the letters waiting for it go: they waited for ever, and the bus's stop with
/// them (a test host that never exited after a burst of letters on a fresh database).
/// </summary>
public sealed class ClassifierTrainOnceSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private readonly TempDirectory prompts = new();
    private PostgresDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        SeedPrompts.Write(prompts.Path);

        // A seed set no other spec uses, so no model learned from it is cached in this process
        // and each host's training takes real time, as it does in separate processes.
        var unique = $"surat_dinas\tsekretaris\tsubbag_kul\tbiasa\tRT\tPT {Guid.NewGuid():N}\tPermohonan Peminjaman Aula\tKami bermaksud meminjam aula kantor.\n";
        File.AppendAllText(Path.Combine(prompts.Path, "classifier", "seed.tsv"), unique, Encoding.UTF8);
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        data.Dispose();
        prompts.Dispose();
    }

    [Fact]
    public async Task Should_train_one_model_and_propose_with_it_on_every_host_when_three_hosts_start_on_a_fresh_database()
    {
        var desks = await Task.WhenAll(Enumerable.Range(1, 3).Select(n => Desk.StartAsync(new DeskSettings
        {
            DataDirectory = Path.Combine(data.Path, $"worker-{n}"),
            PostgresConnectionString = database.ConnectionString,
            Stages = "propose",
            Extra = new Dictionary<string, string> { ["Prompts:Directory"] = prompts.Path },
        })));
        try
        {
            var models = await Task.WhenAll(desks.Select(ModelInUseAsync));
            var stored = await desks[0].QueryAsync(db => db.ClassifierModels.Select(m => m.Id).ToListAsync());

            Assert.Single(stored);
            Assert.All(models, id => Assert.Equal(stored[0], id));
        }
        finally
        {
            foreach (var desk in desks)
            {
                await desk.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Should_let_waiting_letters_go_when_the_host_stops_during_the_first_training()
    {
        var desk = await Desk.StartAsync(new DeskSettings
        {
            DataDirectory = data.Path,
            PostgresConnectionString = database.ConnectionString,
            Stages = "propose",
            Extra = new Dictionary<string, string> { ["Prompts:Directory"] = prompts.Path },
        });
        var current = desk.Services.GetRequiredService<CurrentClassifier>();
        var waiting = current.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted, "the first training is still running");

        await desk.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(current.Model);
    }

    private static async Task<Guid> ModelInUseAsync(Desk desk)
    {
        var current = desk.Services.GetRequiredService<CurrentClassifier>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await current.WaitAsync(timeout.Token);
        return current.Model?.Id ?? throw new InvalidOperationException("the host gave up on the classifier");
    }
}
