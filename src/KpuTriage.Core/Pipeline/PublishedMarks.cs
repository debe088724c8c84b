using System.Threading.Channels;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// Clears <see cref="Documents.Document.PublishPending"/> for the hand-offs the broker took,
/// many documents per statement. Each hand-off used to spend a commit of its own on this, a
/// third of a letter's commits. A mark is only an economy: lost (the host killed, the database
/// away), the flag stays set and the <see cref="StageRedriver"/> publishes the event once more
/// after <see cref="PipelineOptions.RedriveAfter"/>, which every stage already takes as a
/// redelivery. A mark names the version it was published at, so it never clears the flag a
/// later stage has set since.
/// </summary>
public sealed class PublishedMarks(IServiceScopeFactory scopes, ILogger<PublishedMarks> log) : BackgroundService
{
    /// <summary>At most this many documents per statement; also what waits in memory when the database is slow.</summary>
    public const int BatchSize = 500;

    private readonly Channel<(Guid Id, int Version)> marks = Channel.CreateBounded<(Guid, int)>(
        new BoundedChannelOptions(BatchSize * 20) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Notes that the event for <paramref name="documentId"/> at <paramref name="version"/> was taken by the broker.</summary>
    public void Published(Guid documentId, int version) => marks.Writer.TryWrite((documentId, version));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await marks.Reader.WaitToReadAsync(stoppingToken))
            {
                await ClearAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync clears what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The stages have stopped before this (it is registered before the bus): one last pass.
        try
        {
            while (marks.Reader.Count > 0 && !cancellationToken.IsCancellationRequested)
            {
                await ClearAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of stop time: the redriver publishes what is left once more, as after a kill.
        }
    }

    private async Task ClearAsync(CancellationToken ct)
    {
        var batch = new List<(Guid Id, int Version)>(Math.Min(marks.Reader.Count, BatchSize));
        while (batch.Count < BatchSize && marks.Reader.TryRead(out var mark))
        {
            batch.Add(mark);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
            // Versions of a batch are few (one per stage a document has passed), so one statement each.
            foreach (var version in batch.GroupBy(m => m.Version))
            {
                var ids = version.Select(m => m.Id).ToList();
                var at = version.Key;
                await db.Documents.Where(d => ids.Contains(d.Id) && d.Version == at && d.PublishPending)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.PublishPending, false), ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Could not clear {Count} published hand-offs ({Cause}); the redriver will publish them once more.", batch.Count, e.Message);
        }
    }
}
