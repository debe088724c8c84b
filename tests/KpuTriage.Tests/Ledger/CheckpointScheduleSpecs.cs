using System.Text.Json;
using KpuTriage.Core.Ledger;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Ledger;

/// <summary>A desk left alone: it makes its signing key on first start (owner-only) and signs and publishes the head on its schedule.</summary>
public sealed class CheckpointScheduleSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private RabbitVhost vhost = null!;

    public async Task InitializeAsync() => vhost = await RabbitVhost.CreateAsync();

    public async Task DisposeAsync()
    {
        await vhost.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_make_an_owner_only_key_and_publish_a_signed_checkpoint_when_the_head_moves()
    {
        // Bound before the desk starts, as another office's queue would be.
        await CheckpointExchange.DrainAsync(vhost.Uri, "other-office", _ => Task.CompletedTask, CancellationToken.None);
        var settings = LedgerDesk.Settings(data.Path, null, "kpu-scheduled", vhost.Uri);
        await using var desk = await Desk.StartAsync(settings with
        {
            Extra = new Dictionary<string, string>(settings.Extra) { ["Ledger:CheckpointInterval"] = "00:00:00.500" },
        });
        var key = Path.Combine(data.Path, "ledger", "office-key.pem");

        await LedgerDesk.CommitAsync(desk, 1, 1);
        await using var raw = await RawAmqp.ConnectAsync(vhost.Uri);
        var head = await desk.QueryAsync(db => db.LedgerHeads.AsNoTracking().SingleAsync());
        var published = new List<CheckpointMessage>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!published.Any(m => m.Sequence == head.Sequence) && DateTime.UtcNow < deadline)
        {
            published.AddRange((await raw.TakeAsync("other-office", 1, TimeSpan.FromSeconds(1))).Select(m => m.Deserialize<CheckpointMessage>()!));
        }

        // The specs run on Linux; the first assertion keeps the mode check from being skipped.
        Assert.False(OperatingSystem.IsWindows(), "the key's Unix mode is checked on Linux");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        var last = Assert.Single(published, m => m.Sequence == head.Sequence);
        Assert.Equal(("kpu-scheduled", head.Hash), (last.Office, last.Hash));
        Assert.True(last.VerifiesUnder(Convert.FromBase64String(last.PublicKey)));
        // The row is marked published after the broker confirms, a moment after the message can be read.
        Assert.True(
            await Eventually.TrueAsync(async () => !await desk.QueryAsync(db => db.LedgerCheckpoints.AnyAsync(c => c.PublishPending)), TimeSpan.FromSeconds(30)),
            "a published checkpoint is still marked pending");
    }
}
