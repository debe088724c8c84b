using System.Text;
using KpuTriage.Core.Classification;
using KpuTriage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Classification;

/// <summary>
/// A host stopped while it trains its first classifier: the letters waiting for that model must
/// be let go, or they wait for ever and the bus's stop waits for them (seen as a test host that
/// never exited after a burst of letters on a fresh database).
/// </summary>
public sealed class ClassifierStopSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private readonly TempDirectory prompts = new();
    private PostgresDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        SeedPrompts.Write(prompts.Path);
        // A seed set of its own, so no model cached in this process makes the training instant.
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
}
