using System.Security.Cryptography;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Pipeline;

/// <summary>
/// A stage may read its document before the stage ahead of it has cleared its hand-off: the
/// message arrives as soon as it is published, the clear follows the broker's confirm. The
/// flag the stage then sets must reach the database, or the redriver never sees the document.
/// Run once per storage provider (the derived classes), in the order the race takes.
/// </summary>
public abstract class HandoffRaceSpecs : OnEachStorage
{
    [Fact]
    public async Task Should_leave_a_parked_letter_to_the_redriver_when_the_earlier_hand_off_is_cleared_under_it()
    {
        await using var desk = await StartAsync();
        await using var stage = desk.Services.CreateAsyncScope();
        var db = stage.ServiceProvider.GetRequiredService<TriageDb>();
        var document = await ExtractedWithHandoffPendingAsync(db);

        await ClearHandoffAsync(desk, document.Id);
        document.AwaitRedrive();
        Assert.True(await db.SaveWinningAsync(CancellationToken.None));

        var stored = await StoredAsync(desk, document.Id);
        Assert.Equal(DocumentStatus.Extracted, stored.Status);
        Assert.True(stored.PublishPending, "the park was lost: no message and nothing for the redriver");
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Should_keep_the_next_hand_off_pending_when_the_earlier_one_is_cleared_under_the_stage()
    {
        await using var desk = await StartAsync();
        await using var stage = desk.Services.CreateAsyncScope();
        var db = stage.ServiceProvider.GetRequiredService<TriageDb>();
        var document = await ExtractedWithHandoffPendingAsync(db);

        await ClearHandoffAsync(desk, document.Id);
        document.MoveTo(DocumentStatus.Proposed, DateTimeOffset.UtcNow, publishPending: true);
        Assert.True(await db.SaveWinningAsync(CancellationToken.None));

        // Until this stage's own hand-off is published, the redriver must be able to find it.
        var stored = await StoredAsync(desk, document.Id);
        Assert.Equal(DocumentStatus.Proposed, stored.Status);
        Assert.True(stored.PublishPending, "the proposal's hand-off was lost before it was published");
    }

    [Fact]
    public async Task Should_keep_the_next_hand_off_pending_when_the_earlier_one_is_cleared_after_the_stage()
    {
        await using var desk = await StartAsync();
        await using var stage = desk.Services.CreateAsyncScope();
        var db = stage.ServiceProvider.GetRequiredService<TriageDb>();
        var document = await ExtractedWithHandoffPendingAsync(db);
        var seenByExtractor = await StoredAsync(desk, document.Id);

        // The propose stage moves on before the extractor's clear (batched) reaches the database.
        document.MoveTo(DocumentStatus.Proposed, DateTimeOffset.UtcNow, publishPending: true);
        Assert.True(await db.SaveWinningAsync(CancellationToken.None));
        await using (var extractor = desk.Services.CreateAsyncScope())
        {
            await extractor.ServiceProvider.GetRequiredService<Handoff>().PublishAsync(seenByExtractor, new TextExtracted(document.Id), CancellationToken.None);
        }

        // Marks are cleared in order: once a later one is, the stale one has been applied too.
        var later = await ExtractedWithHandoffPendingAsync(db);
        await ClearHandoffAsync(desk, later.Id);
        var stored = await StoredAsync(desk, document.Id);
        Assert.Equal(DocumentStatus.Proposed, stored.Status);
        Assert.True(stored.PublishPending, "a clear made for the extractor's event wiped the proposal's pending hand-off");
    }

    private Task<Desk> StartAsync() => Desk.StartAsync(new DeskSettings
    {
        DataDirectory = DataDirectory,
        PostgresConnectionString = PostgresConnectionString,
        Stages = "",
    });

    /// <summary>The document as the propose stage reads it from its message: extracted, the extractor's hand-off not yet cleared.</summary>
    private static async Task<Document> ExtractedWithHandoffPendingAsync(TriageDb db)
    {
        var document = new Document
        {
            Source = "test", FileName = "surat.txt", Kind = DocumentKind.Text,
            Sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            ReceivedAt = DateTimeOffset.UtcNow, Status = DocumentStatus.Extracted, UpdatedAt = DateTimeOffset.UtcNow,
            PublishPending = true, Version = 1,
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return document;
    }

    /// <summary>The extractor's hand-off completing: its event published, its flag cleared by the real <see cref="Handoff"/> (in a batch, soon after).</summary>
    private static async Task ClearHandoffAsync(Desk desk, Guid id)
    {
        await using var extractor = desk.Services.CreateAsyncScope();
        var db = extractor.ServiceProvider.GetRequiredService<TriageDb>();
        var seen = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
        await extractor.ServiceProvider.GetRequiredService<Handoff>().PublishAsync(seen, new TextExtracted(id), CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(async () => !(await StoredAsync(desk, id)).PublishPending, TimeSpan.FromSeconds(10)),
            "the published hand-off was never cleared");
    }

    private static Task<Document> StoredAsync(Desk desk, Guid id) =>
        desk.QueryAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == id));
}
