using System.Net.Http.Json;
using KpuTriage.Core.Documents;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Messaging;

/// <summary>What the redriver republishes on the real broker, and what it must never wait for.</summary>
public sealed class RedriveSpecs
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Should_clear_the_announcement_when_no_integration_is_bound_to_the_committed_exchange()
    {
        await using var pipeline = await RabbitMqPipeline.StartAsync();
        var id = await pipeline.Desk.SubmitOkAsync("surat.txt", Letters.UndanganBytes(601));
        await pipeline.WaitForAsync(1, DocumentStatus.InReview, Patience);
        using var clerk = await pipeline.Desk.ClerkAsync();

        (await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" })).EnsureSuccessStatusCode();

        // An office with no integration yet: the event is delivered to nobody, not returned
        // and retried by every redrive pass.
        Assert.True(await Eventually.TrueAsync(
            () => pipeline.Desk.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => !d.PublishPending).SingleAsync()),
            TimeSpan.FromSeconds(15)), "the commit's announcement stayed pending");
    }

    [Fact]
    public async Task Should_redrive_a_new_letter_when_another_stage_holds_an_older_backlog_than_one_pass_takes()
    {
        // No worker proposes, so nothing takes TextExtracted: that backlog can never clear.
        await using var pipeline = await RabbitMqPipeline.StartAsync(workerCount: 0, workerStages: "intake,extract");
        var id = await pipeline.Desk.SubmitOkAsync("surat.txt", Letters.UndanganBytes(602));
        var longAgo = DateTimeOffset.UtcNow.AddHours(-1);
        await pipeline.Desk.QueryAsync(db =>
        {
            db.Documents.AddRange(Enumerable.Range(0, 600).Select(i => new Document
            {
                Source = "backlog",
                FileName = $"tunggakan-{i}.txt",
                Kind = DocumentKind.Text,
                Sha256 = $"{i:x64}",
                ReceivedAt = longAgo,
                UpdatedAt = longAgo.AddSeconds(i),
                Status = DocumentStatus.Extracted,
                PublishPending = true,
            }));
            return db.SaveChangesAsync();
        });
        Assert.True(await pipeline.Desk.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.PublishPending).SingleAsync()),
            "with no extract queue bound yet, the new letter's hand-off is pending");

        await pipeline.AddWorkerAsync();

        Assert.True(await Eventually.TrueAsync(
            () => pipeline.Desk.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Status != DocumentStatus.Received).SingleAsync()),
            TimeSpan.FromSeconds(30)), "the new letter waited behind another stage's backlog");
    }
}
