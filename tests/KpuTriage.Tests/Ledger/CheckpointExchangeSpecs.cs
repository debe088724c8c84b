using System.Text.Json;
using System.Text.Json.Nodes;
using KpuTriage.Core.Ledger;
using KpuTriage.Tests.Cli;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Ledger;

/// <summary>
/// Two offices on the real broker: office A (PostgreSQL) publishes signed checkpoints to the
/// fanout exchange, office B (SQLite) binds its own queue and imports them. When A's history is
/// later rewritten consistently — every hash recomputed, its own checkpoints removed — A's
/// chain alone still verifies, but the checkpoint B holds catches it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CheckpointExchangeSpecs : IAsyncLifetime
{
    private const string QueueOfB = "kpu-b.checkpoints-from-a";
    private readonly TempDirectory dataA = new();
    private readonly TempDirectory dataB = new();
    private readonly TempDirectory work = new();
    private readonly LedgerCli cli = new();
    private PostgresDatabase postgres = null!;
    private RabbitVhost vhost = null!;
    private Desk officeA = null!;
    private Desk officeB = null!;
    private string settingsA = "";
    private string settingsB = "";

    public async Task InitializeAsync()
    {
        postgres = await PostgresDatabase.CreateAsync();
        vhost = await RabbitVhost.CreateAsync();
        officeA = await Desk.StartAsync(LedgerDesk.Settings(dataA.Path, postgres.ConnectionString, "kpu-a", vhost.Uri));
        officeB = await Desk.StartAsync(LedgerDesk.Settings(dataB.Path, null, "kpu-b") with { Stages = "" });
        settingsA = await LedgerCli.SettingsFileAsync(work.Path, "kpu-a", dataA.Path, postgres.ConnectionString);
        settingsB = await LedgerCli.SettingsFileAsync(work.Path, "kpu-b", dataB.Path, null);
    }

    public async Task DisposeAsync()
    {
        await officeA.DisposeAsync();
        await officeB.DisposeAsync();
        await vhost.DisposeAsync();
        await postgres.DisposeAsync();
        dataA.Dispose();
        dataB.Dispose();
        work.Dispose();
    }

    [Fact]
    public async Task Should_catch_a_history_rewritten_after_a_checkpoint_with_the_checkpoint_another_office_holds()
    {
        // B binds its queue first, as an office subscribing to A's checkpoints does once.
        var bound = await cli.RunAsync("ledger", "import-checkpoints", "--queue", QueueOfB, "--rabbitmq", vhost.Uri.ToString(), "--settings", settingsB);
        Assert.True(bound == 0, cli.Errors);
        await using var raw = await RawAmqp.ConnectAsync(vhost.Uri);
        await raw.BindQueueAsync("any-office-tooling", LedgerOptions.CheckpointExchange);
        var letters = await LedgerDesk.CommitAsync(officeA, 1, 2);
        var first = await LedgerDesk.CheckpointAsync(officeA);
        letters.AddRange(await LedgerDesk.CommitAsync(officeA, 3, 2));
        var second = await LedgerDesk.CheckpointAsync(officeA);

        var imported = await cli.RunAsync("ledger", "import-checkpoints", "--queue", QueueOfB, "--rabbitmq", vhost.Uri.ToString(), "--settings", settingsB);

        Assert.True(imported == 0, cli.Errors);
        Assert.Equal([first.Sequence, second.Sequence],
            await officeB.QueryAsync(db => db.LedgerCheckpoints.Where(c => c.Office == "kpu-a" && c.Imported).OrderBy(c => c.Sequence).Select(c => c.Sequence).ToListAsync()));
        var published = await raw.TakeAsync("any-office-tooling", 2, TimeSpan.FromSeconds(10));
        var message = published[1].Deserialize<CheckpointMessage>()!;
        Assert.Equal(("kpu-a", second.Sequence, second.Hash), (message.Office, message.Sequence, message.Hash));
        Assert.True(message.VerifiesUnder(Convert.FromBase64String(message.PublicKey)));

        // A's history is rewritten from the third letter on (after the first checkpoint), consistently.
        var rewrittenFrom = await LedgerDesk.EntryOfAsync(officeA, letters[2]);
        await RewriteAsync(letters[2], rewrittenFrom);
        Assert.True((await LedgerDesk.VerifyAsync(officeA)).Ok, "the chain alone cannot see a consistent rewrite");
        var export = Path.Combine(work.Path, "export-a");
        Assert.Equal(0, await cli.RunAsync("ledger", "export", export, "--settings", settingsA));
        Assert.Equal(0, await cli.RunAsync("ledger", "verify", "--export", export));

        var audited = await cli.RunAsync("ledger", "verify", "--export", export, "--settings", settingsB);

        Assert.Equal(1, audited);
        Assert.Contains($"entry {second.Sequence} differs from the checkpoint signed {LedgerTime.Format(second.SignedAt)} (held here, received from queue {QueueOfB})", cli.Output, StringComparison.Ordinal);
        Assert.True(first.Sequence < rewrittenFrom && rewrittenFrom <= second.Sequence);
    }

    /// <summary>What someone with the database (but not the key) can do: change a record and its entry, recompute every later hash and the head, and drop the office's own checkpoints.</summary>
    private Task<int> RewriteAsync(Guid document, long from) => officeA.QueryAsync(async db =>
    {
        await db.Register.Where(r => r.DocumentId == document).ExecuteUpdateAsync(s => s.SetProperty(r => r.Perihal, "Perihal yang ditulis ulang"));
        var later = await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).ToListAsync();
        var previous = await db.LedgerEntries.Where(e => e.Sequence == from - 1).Select(e => e.Hash).SingleAsync();
        await db.LedgerEntries.Where(e => e.Sequence >= from).ExecuteDeleteAsync();
        foreach (var old in later)
        {
            var payload = JsonNode.Parse(old.PayloadJson)!.AsObject();
            if (old.Sequence == from)
            {
                payload["final"]!["perihal"] = "Perihal yang ditulis ulang";
            }

            var forged = LedgerEntry.Next(old.Sequence, previous, new LedgerRecord(old.Kind, old.Subject, payload), old.RecordedAt);
            db.LedgerEntries.Add(forged);
            previous = forged.Hash;
        }

        await db.SaveChangesAsync();
        await db.LedgerHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Hash, previous));
        return await db.LedgerCheckpoints.ExecuteDeleteAsync();
    });
}
