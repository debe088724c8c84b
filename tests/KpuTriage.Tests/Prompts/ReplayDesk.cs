using System.Text;
using System.Text.Json;
using KpuTriage.Core.Classification;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Register;
using KpuTriage.Tests.Extraction;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Tests.Llm;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Prompts;

/// <summary>
/// A desk whose language model is <see cref="FakeOpenAi"/> answering by prompt version — the
/// draft's system prompt carries <see cref="Marker"/>, and the fake reads every letter as an
/// undangan under it and as a surat dinas without — on a prompts folder whose development set
/// (eval/dev) is two text PDFs written here. Decisions are stored as the desk stores an approval.
/// </summary>
internal sealed class ReplayDesk : IAsyncDisposable
{
    public const string Marker = "Bacalah jenis surat dengan teliti sebelum menjawab.";
    public const string Author = "ani";

    /// <summary>The development set's labels: 01-dev is a surat dinas, 02-dev an undangan; every other field as the fake answers.</summary>
    public static readonly string DevLabels =
        "file\tletterNumber\tletterDate\tsender\tperihal\tletterType\turgency\tsecurity\tregister\tunit\tarchiveCode\n"
        + "01-dev\t1/X\t2025-03-12\tKPU\tRapat\tsurat_dinas\tsegera\tbiasa\tsekretaris\tsubbag_kul\tTU\n"
        + "02-dev\t1/X\t2025-03-12\tKPU\tRapat\tundangan\tsegera\tbiasa\tsekretaris\tsubbag_kul\tTU\n";

    public static readonly string DraftAnswer = FakeAnswers.Valid(Answer("undangan"));
    public static readonly string ActiveAnswer = FakeAnswers.Valid(Answer("surat_dinas"));

    private readonly TempDirectory prompts;

    private ReplayDesk(FakeOpenAi fake, Desk desk, TempDirectory prompts)
    {
        Fake = fake;
        Desk = desk;
        this.prompts = prompts;
    }

    public FakeOpenAi Fake { get; }

    public Desk Desk { get; }

    public string PromptsFolder => prompts.Path;

    /// <param name="poll">Prompts:ReplayPollInterval: an hour keeps the worker out of specs that run replays themselves.</param>
    /// <param name="model">False for a desk with no language model.</param>
    public static async Task<ReplayDesk> StartAsync(string dataDirectory, string? postgres, TimeSpan? poll = null, bool model = true, bool devSet = true)
    {
        var prompts = new TempDirectory();
        PromptDesk.CopyShipped(prompts.Path);
        // The shipped copy has no evaluation sets (they stay in the repository): this one has its own.
        var dev = Path.Combine(prompts.Path, "eval", "dev");
        if (devSet)
        {
            Directory.CreateDirectory(dev);
            await File.WriteAllTextAsync(Path.Combine(dev, "labels.tsv"), DevLabels, Encoding.UTF8);
            await File.WriteAllBytesAsync(Path.Combine(dev, "01-dev.pdf"), TestPdfs.WithText(Letters.Undangan(901).Split('\n')));
            await File.WriteAllBytesAsync(Path.Combine(dev, "02-dev.pdf"), TestPdfs.WithText(Letters.Undangan(902).Split('\n')));
            // Another rendering of the same letter: a replay reads one per letter.
            await File.WriteAllTextAsync(Path.Combine(dev, "02-dev.txt"), Letters.Undangan(902));
        }

        var fake = await FakeOpenAi.StartAsync();
        fake.Default = request => FakeReply.Answer(SystemPrompt(request).Contains(Marker, StringComparison.Ordinal) ? DraftAnswer : ActiveAnswer);
        var extra = new Dictionary<string, string>
        {
            ["Ledger:CheckpointInterval"] = "00:00:00",
            ["Prompts:Directory"] = prompts.Path,
            ["Prompts:ReplayPollInterval"] = (poll ?? TimeSpan.FromHours(1)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        };
        var desk = await Desk.StartAsync(new DeskSettings
        {
            DataDirectory = dataDirectory,
            PostgresConnectionString = postgres,
            Extra = model ? LlmDesk.Merge(LlmDesk.Provider("kantor", fake, ProviderLocations.OnPremises), extra) : extra,
        });
        await desk.Services.GetRequiredService<CurrentClassifier>().WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));
        return new ReplayDesk(fake, desk, prompts);
    }

    public static bool IsDraft(FakeRequest request) => SystemPrompt(request).Contains(Marker, StringComparison.Ordinal);

    public static string SystemPrompt(FakeRequest request) =>
        request.Json.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("role").GetString() == "system").GetProperty("content").ToString();

    /// <summary>Every field a replay scores, as the fake answers it; only the letter type differs between the versions.</summary>
    private static (string Field, string? Value, string? Quote)[] Answer(string letterType) =>
    [
        ("letterNumber", "1/X", null), ("letterDate", "2025-03-12", null), ("sender", "KPU", null), ("perihal", "Rapat", null),
        ("letterType", letterType, null), ("urgency", "segera", null), ("security", "biasa", null),
        ("register", "sekretaris", null), ("unit", "subbag_kul", null), ("archiveCode", "TU", null),
    ];

    /// <summary>Version 2: the shipped prompts with the marker line, by <see cref="Author"/>.</summary>
    public Task<int> DraftAsync() =>
        Desk.WithVersionsAsync(async v => (await v.CreateDraftAsync(1, PromptDesk.Edited(Marker), Author, CancellationToken.None)).Number);

    /// <summary>
    /// An approved decision of agenda number <paramref name="agenda"/>/2026 on the text of
    /// undangan number <paramref name="letter"/>: what the clerk approved is the fake's answer
    /// but for the letter type and number given.
    /// </summary>
    public Task DecideAsync(int agenda, string letterType, string letterNumber = "1/X", int? letter = null) =>
        Desk.QueryAsync(db =>
        {
            var document = Guid.CreateVersion7();
            var now = DateTimeOffset.UtcNow;
            db.DocumentTexts.Add(new DocumentText
            {
                DocumentId = document,
                Method = "text",
                PagesJson = JsonSerializer.Serialize(new[] { new ExtractedPage(1, Letters.Undangan(letter ?? 100 + agenda)) }),
                PageCount = 1,
                ExtractedAt = now,
            });
            db.Register.Add(new RegisterEntry
            {
                DocumentId = document,
                Year = 2026,
                AgendaNumber = agenda,
                LetterNumber = letterNumber,
                LetterDate = "2025-03-12",
                Sender = "KPU",
                Perihal = "Rapat",
                Urgency = "segera",
                Security = "biasa",
                LetterType = letterType,
                Register = "sekretaris",
                Unit = "subbag_kul",
                ArchiveCode = "TU",
                DiffJson = "{}",
                DecidedBy = Infrastructure.Desk.ClerkName,
                DecidedAt = now,
            });
            return db.SaveChangesAsync();
        });

    public async Task<T> WithReplaysAsync<T>(Func<PromptReplays, Task<T>> use)
    {
        await using var scope = Desk.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<PromptReplays>());
    }

    /// <summary>Requests a replay of <paramref name="draft"/> and runs it here, as the command line does.</summary>
    public async Task<ReplayRun> ReplayAsync(int draft, int goldSize)
    {
        var run = await WithReplaysAsync(r => r.RequestAsync(draft, goldSize, "budi", CancellationToken.None));
        Assert.True(await WithReplaysAsync(r => r.RunAsync(run.Id, CancellationToken.None)));
        return await WithReplaysAsync(r => r.FindAsync(run.Id, CancellationToken.None)) ?? throw new InvalidOperationException("the run is gone");
    }

    public async ValueTask DisposeAsync()
    {
        await Desk.DisposeAsync();
        await Fake.DisposeAsync();
        prompts.Dispose();
    }
}
