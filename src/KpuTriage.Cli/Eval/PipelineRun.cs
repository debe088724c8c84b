using System.Diagnostics;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Evaluation;
using KpuTriage.Core.Intake;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KpuTriage.Cli.Eval;

/// <summary>
/// Feeds every file through the real intake of a throw-away desk and waits until the machine
/// is done with each (in review or manual triage), then reads back what it proposed.
/// </summary>
public static class PipelineRun
{
    public const string Source = "eval";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Documents in flight at once. Enough to keep every core busy, few enough that
    /// received→proposed measures the machine's work rather than the queue in front of it.
    /// </summary>
    public static int InFlight => 2 * Environment.ProcessorCount;

    /// <summary>Generous: a scan of several pages may take minutes to OCR on a small machine.</summary>
    public static TimeSpan DefaultTimeout(int files) => TimeSpan.FromMinutes(5 + files);

    /// <param name="onFinished">Called with the number of files the machine has just finished with (or intake refused).</param>
    public static async Task<PipelineResult> RunAsync(
        EvalInput input, Action<int> onFinished, TimeSpan timeout, IReadOnlyDictionary<string, string>? overrides, CancellationToken ct)
    {
        var temporary = input.DataDirectory is null;
        var dataDirectory = input.DataDirectory ?? Directory.CreateTempSubdirectory("kputriage-eval-").FullName;
        try
        {
            using var host = await EvalHost.StartAsync(dataDirectory, input.PromptsDirectory, overrides, ct);
            try
            {
                return await RunAsync(host.Services, input.Files, onFinished, timeout, ct);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            if (temporary)
            {
                DeleteQuietly(dataDirectory);
            }
        }
    }

    private static void DeleteQuietly(string dataDirectory)
    {
        // Pooled connections keep the database file open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file a stopping stage still holds; the folder is in the temp directory, whose cleaner takes it.
        }
    }

    private static async Task<PipelineResult> RunAsync(IServiceProvider services, IReadOnlyList<string> files, Action<int> onFinished, TimeSpan timeout, CancellationToken ct)
    {
        var pending = new Queue<string>(files);
        var filesOf = new Dictionary<Guid, List<string>>();
        var inFlight = new HashSet<Guid>();
        var refused = new List<RefusedFile>();
        var clock = Stopwatch.StartNew();
        while (pending.Count > 0 || inFlight.Count > 0)
        {
            while (pending.Count > 0 && inFlight.Count < InFlight)
            {
                var file = pending.Dequeue();
                var (id, refusal) = await SubmitAsync(services, file, ct);
                if (id is not { } documentId)
                {
                    refused.Add(refusal!);
                    onFinished(1);
                    continue;
                }

                if (filesOf.TryGetValue(documentId, out var same))
                {
                    // The same content as an earlier file: intake keeps one document for both.
                    same.Add(file);
                    if (!inFlight.Contains(documentId))
                    {
                        onFinished(1);
                    }

                    continue;
                }

                filesOf[documentId] = [file];
                inFlight.Add(documentId);
            }

            var done = await FinishedAsync(services, inFlight, ct);
            foreach (var id in done)
            {
                inFlight.Remove(id);
                onFinished(filesOf[id].Count);
            }

            if (clock.Elapsed > timeout && inFlight.Count > 0)
            {
                return new PipelineResult([], refused, clock.Elapsed, await StatusesAsync(services, inFlight, filesOf, ct), timeout);
            }

            if (done.Count == 0)
            {
                await Task.Delay(PollInterval, ct);
            }
        }

        var wallClock = clock.Elapsed;
        var outcomes = await OutcomesAsync(services, filesOf, ct);
        return new PipelineResult([.. files.SelectMany(f => outcomes.TryGetValue(f, out var o) ? [o] : Array.Empty<DocumentOutcome>())], refused, wallClock, [], timeout);
    }

    private static async Task<(Guid? Id, RefusedFile? Refusal)> SubmitAsync(IServiceProvider services, string path, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        await using var scope = services.CreateAsyncScope();
        await using var content = File.OpenRead(path);
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<IntakeService>()
                .AcceptAsync(new IntakeRequest(Source, null, name, null, null, content), ct);
            return (result.Document.Id, null);
        }
        catch (IntakeRefusedException e)
        {
            return (null, new RefusedFile(name, e.Message));
        }
    }

    private static async Task<List<Guid>> FinishedAsync(IServiceProvider services, HashSet<Guid> inFlight, CancellationToken ct)
    {
        if (inFlight.Count == 0)
        {
            return [];
        }

        var ids = inFlight.ToList();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TriageDb>().Documents.AsNoTracking()
            .Where(d => ids.Contains(d.Id) && !ManualTriage.Unfinished.Contains(d.Status))
            .Select(d => d.Id)
            .ToListAsync(ct);
    }

    private static async Task<List<(string File, string Status)>> StatusesAsync(
        IServiceProvider services, HashSet<Guid> inFlight, Dictionary<Guid, List<string>> filesOf, CancellationToken ct)
    {
        var ids = inFlight.ToList();
        await using var scope = services.CreateAsyncScope();
        var statuses = await scope.ServiceProvider.GetRequiredService<TriageDb>().Documents.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Status, ct);
        return [.. ids.SelectMany(id => filesOf[id].Select(f => (Path.GetFileName(f), statuses[id].ToWire()))).Order()];
    }

    private static async Task<Dictionary<string, DocumentOutcome>> OutcomesAsync(IServiceProvider services, Dictionary<Guid, List<string>> filesOf, CancellationToken ct)
    {
        var ids = filesOf.Keys.ToList();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
        var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var proposals = (await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.DocumentId)).ToListAsync(ct))
            .GroupBy(p => p.DocumentId)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.Revision)!);
        var methods = await db.DocumentTexts.AsNoTracking().Where(t => ids.Contains(t.DocumentId))
            .ToDictionaryAsync(t => t.DocumentId, t => t.Method, ct);
        var outcomes = new Dictionary<string, DocumentOutcome>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var proposal = proposals.GetValueOrDefault(document.Id);
            foreach (var file in filesOf[document.Id])
            {
                outcomes[file] = Outcome(Path.GetFileName(file), document, proposal, methods.GetValueOrDefault(document.Id));
            }
        }

        return outcomes;
    }

    private static DocumentOutcome Outcome(string fileName, Document document, Proposal? proposal, string? extractionMethod)
    {
        var fields = proposal?.Fields().Named().ToList() ?? [];
        var proposed = fields.ToDictionary(f => f.Key, f => f.Value.Value, StringComparer.Ordinal);
        var machineDone = proposal?.CreatedAt ?? document.UpdatedAt;
        return new DocumentOutcome(
            fileName,
            Rendering.Of(fileName, document.Kind),
            document.Status.ToWire(),
            document.Status == DocumentStatus.ManualTriage ? document.StatusReason ?? string.Empty : null,
            proposed,
            (machineDone - document.ReceivedAt).TotalSeconds,
            proposal?.PromptVersion,
            ImageKind.Of(document.Kind, extractionMethod),
            fields.ToDictionary(f => f.Key, f => f.Value.Confidence, StringComparer.Ordinal));
    }
}
