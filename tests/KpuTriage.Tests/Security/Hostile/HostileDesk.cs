using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KpuTriage.Core.Documents;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Security.Hostile;

/// <summary>
/// One desk (SQLite, in-process pipeline) fed the whole hostile corpus at once, as an outsider
/// would send it: every file over HTTP with the integration's key, four at a time, then every
/// broken request. Once every kept document has stopped moving, each answer is there for the
/// specs to judge.
/// </summary>
public sealed class HostileDesk : IAsyncLifetime
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(4);
    private readonly TempDirectory data = new();

    internal Desk Desk { get; private set; } = null!;

    internal ConcurrentDictionary<string, Answer> Answers { get; } = new();

    public async Task InitializeAsync()
    {
        Desk = await Desk.StartAsync(new DeskSettings
        {
            DataDirectory = data.Path,
            Extra = new Dictionary<string, string>(HostileLimits.Spec.Settings())
            {
                ["Extraction:OcrPageTimeout"] = "00:00:20",
            },
        });
        await Parallel.ForEachAsync(HostileCorpus.Files(HostileLimits.Spec), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (file, _) =>
        {
            Answers[file.Kind] = await SendAsync(() => Desk.SubmitAsync(file.FileName, file.Make(), file.ExternalId));
        });
        foreach (var (kind, make, _, _) in HostileRequests.All)
        {
            using var request = make();
            Answers[kind] = await SendAsync(() => Desk.Integration.SendAsync(request));
        }

        await SettleAsync();
    }

    public async Task DisposeAsync()
    {
        await Desk.DisposeAsync();
        data.Dispose();
    }

    /// <summary>The document as the desk keeps it now: its status JSON and the text extraction kept.</summary>
    internal async Task<KeptDocument> KeptAsync(Guid id)
    {
        var json = await Desk.DocumentAsync(id);
        var text = await Desk.QueryAsync(db => db.DocumentTexts.AsNoTracking().Where(t => t.DocumentId == id).FirstOrDefaultAsync());
        return new KeptDocument(json, text is null ? string.Empty : string.Concat(text.Pages().Select(p => p.Text)));
    }

    // A connection the server dropped is an answer too (the spec reports it), not the end of the corpus.
    private static async Task<Answer> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            using var response = await send();
            return await AnswerAsync(response);
        }
        catch (HttpRequestException e)
        {
            return new Answer(0, null, null, "no answer: " + e.Message);
        }
    }

    private static async Task<Answer> AnswerAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        JsonElement? json = null;
        try
        {
            json = JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            // Not JSON: the spec reports the status and the start of the body.
        }

        var id = response.StatusCode == HttpStatusCode.Accepted ? json?.GetProperty("id").GetGuid() : null;
        var code = json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty("code", out var c) ? c.GetString() : null;
        return new Answer((int)response.StatusCode, code, id, body.Length > 300 ? body[..300] : body);
    }

    // Every kept document ends in review or with a clerk; wait until none is on its way.
    private async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow + Quiet;
        while (DateTime.UtcNow < deadline)
        {
            var moving = await Desk.QueryAsync(db => db.Documents.CountAsync(d =>
                d.Status == DocumentStatus.Received || d.Status == DocumentStatus.AwaitingOcr || d.Status == DocumentStatus.Extracted || d.Status == DocumentStatus.Proposed));
            if (moving == 0)
            {
                return;
            }

            await Task.Delay(250);
        }
    }

    internal sealed record Answer(int Status, string? Code, Guid? DocumentId, string Body);
}
