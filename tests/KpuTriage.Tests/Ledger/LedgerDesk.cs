using System.Net.Http.Json;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Persistence;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Ledger;

/// <summary>A desk whose clerk commits letters, with the ledger's services at hand: what the ledger specs share.</summary>
internal static class LedgerDesk
{
    /// <summary>Settings for a desk that signs checkpoints only when a spec asks (no schedule).</summary>
    public static DeskSettings Settings(string dataDirectory, string? postgres, string office = "kpu-test", Uri? rabbitMq = null)
    {
        var extra = new Dictionary<string, string> { ["Ledger:CheckpointInterval"] = "00:00:00", ["Ledger:OfficeId"] = office };
        if (rabbitMq is not null)
        {
            extra["Ledger:RabbitMqUri"] = rabbitMq.ToString();
        }

        return new DeskSettings { DataDirectory = dataDirectory, PostgresConnectionString = postgres, Extra = extra };
    }

    /// <summary>Submits the letters, waits until each is in review, and has the clerk approve them one by one.</summary>
    public static async Task<List<Guid>> CommitAsync(Desk desk, int first, int count)
    {
        using var clerk = await desk.ClerkAsync();
        var ids = new List<Guid>();
        for (var i = first; i < first + count; i++)
        {
            ids.Add(await desk.SubmitOkAsync($"undangan-{i}.txt", Letters.UndanganBytes(i)));
        }

        foreach (var id in ids)
        {
            await desk.WaitForStatusAsync(id, "in_review");
            (await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" })).EnsureSuccessStatusCode();
        }

        return ids;
    }

    public static async Task<LedgerVerdict> VerifyAsync(Desk desk)
    {
        await using var scope = desk.Services.CreateAsyncScope();
        var (_, verdict) = await scope.ServiceProvider.GetRequiredService<LedgerAudit>().VerifyAsync("spec", CancellationToken.None);
        return verdict;
    }

    public static async Task<LedgerCheckpoint> CheckpointAsync(Desk desk)
    {
        await using var scope = desk.Services.CreateAsyncScope();
        var signer = scope.ServiceProvider.GetRequiredService<CheckpointSigner>();
        var checkpoint = await signer.SignHeadAsync(CancellationToken.None);
        await signer.PublishPendingAsync(CancellationToken.None);
        return checkpoint ?? throw new InvalidOperationException("the head did not move since the last checkpoint");
    }

    /// <summary>The sequence of the decision entry recording this document.</summary>
    public static Task<long> EntryOfAsync(Desk desk, Guid documentId) => desk.QueryAsync(async db =>
    {
        var agenda = await db.Register.AsNoTracking().Where(r => r.DocumentId == documentId).Select(r => new { r.Year, r.AgendaNumber }).SingleAsync();
        var subject = $"{agenda.AgendaNumber:D4}/{agenda.Year}";
        return await db.LedgerEntries.Where(e => e.Kind == LedgerKinds.Decision && e.Subject == subject).Select(e => e.Sequence).SingleAsync();
    });

    public static Task<int> ExecuteAsync(Desk desk, string sql) => desk.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));
}
