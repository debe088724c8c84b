using System.Text.Json;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Register;
using KpuTriage.Core.Review;

namespace KpuTriage.Tests.Dashboard;

/// <summary>
/// The rows the dashboard specs count by hand: three office days (T-2, T-1, today, in
/// Asia/Jakarta) of documents, decided letters under two stored prompt versions and the local
/// engine, model calls of a priced and an unpriced provider, rows just outside the period, rows
/// at 00:30 and 23:30 local (another UTC day), and a backlog received long before the period.
/// </summary>
internal sealed class DashboardLetters
{
    public const string PricedProvider = "azure";
    public const string UnpricedProvider = "ollama";
    public const string LocalVersion = "taxonomy:dashboard-spec";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private int agendaNumber = 9000;
    private int sha;

    public DashboardLetters(DateTimeOffset now)
    {
        Now = now;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
    }

    public DateTimeOffset Now { get; }
    public DateOnly Today { get; }
    public int VersionA { get; private set; }
    public int VersionB { get; private set; }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Local time on a day <paramref name="daysBack"/> before today; for today, halfway between midnight and now, so always in the past.</summary>
    public DateTimeOffset At(int daysBack, int hour, int minute = 0)
    {
        var midnight = TimeZoneInfo.ConvertTimeToUtc(Today.AddDays(-daysBack).ToDateTime(TimeOnly.MinValue), Zone);
        var start = new DateTimeOffset(midnight, TimeSpan.Zero);
        return daysBack == 0 ? start + (Now - start) / 2 : start.AddHours(hour).AddMinutes(minute);
    }

    public async Task SeedAsync(TriageDb db)
    {
        var a = await AddVersionAsync(db, "spec A");
        var b = await AddVersionAsync(db, "spec B");
        VersionA = a.Number;
        VersionB = b.Number;

        // Documents received: T-3 (outside), T-2 ×2 (one at 00:30 local: the day before in UTC), T-1 ×3 (one at 23:30 local: still T-1), today ×1.
        foreach (var at in new[] { At(3, 12), At(2, 0, 30), At(2, 10), At(1, 10), At(1, 10, 5), At(1, 23, 30), At(0, 0) })
        {
            db.Documents.Add(Document(at, DocumentStatus.Committed));
        }

        // Decided letters; the diff names the fields the clerk changed.
        Decide(db, At(2, 10), ModelEngine.EngineName, a.Label);
        Decide(db, At(2, 0, 30), ModelEngine.EngineName, a.Label, "letterType", "unit");
        Decide(db, At(1, 10), ModelEngine.EngineName, b.Label, "perihal");
        Decide(db, At(1, 12), "local", LocalVersion, "letterType", "register", "unit", "archiveCode");
        Decide(db, At(0, 0), "local", LocalVersion);
        Decide(db, At(0, 0), ModelEngine.EngineName, b.Label);
        Decide(db, At(1, 11), null, null, [.. FinalValues.FieldNames]); // no machine proposal: left out
        Decide(db, At(3, 12), ModelEngine.EngineName, a.Label, "sender"); // before the period: left out

        // Model calls: tokens per day; the unpriced provider makes T-1's cost unknown.
        Call(db, At(2, 0, 30), PricedProvider, 1_000_000, 100_000);
        Call(db, At(2, 11), PricedProvider, 500_000, 100_000);
        Call(db, At(1, 10), PricedProvider, 200_000, 50_000);
        Call(db, At(1, 12), UnpricedProvider, 300_000, 60_000);
        Call(db, At(0, 0), PricedProvider, 2_000_000, 500_000);
        Call(db, At(3, 12), PricedProvider, 9_999_999, 999_999);

        // The backlog, received before the period: 200 h, 120 h, 100 h and 90 h ago; and two items no longer waiting.
        Waiting(db, Now.AddHours(-200), ReviewState.Open, manual: false);
        Waiting(db, Now.AddHours(-120), ReviewState.Open, manual: true);
        Waiting(db, Now.AddHours(-100), ReviewState.AwaitingCoApproval, manual: false);
        Waiting(db, Now.AddHours(-90), ReviewState.Open, manual: false);
        Waiting(db, Now.AddHours(-300), ReviewState.Committed, manual: false);
        Waiting(db, Now.AddHours(-300), ReviewState.SentBack, manual: false);
        await db.SaveChangesAsync();
    }

    private static async Task<PromptVersion> AddVersionAsync(TriageDb db, string system)
    {
        var number = (db.PromptVersions.Select(v => (int?)v.Number).Max() ?? 0) + 1;
        var files = new PromptFiles(new Dictionary<string, string> { [PromptFiles.SystemFile] = system, [PromptFiles.UserFile] = "{{letter}}" }, "version: spec\n");
        var version = PromptVersion.Create(number, null, "admin", DateTimeOffset.UtcNow, files, PromptVersionState.Draft);
        db.PromptVersions.Add(version);
        await db.SaveChangesAsync();
        return version;
    }

    private Document Document(DateTimeOffset receivedAt, DocumentStatus status) => new()
    {
        Source = "dashboard-spec",
        FileName = $"surat-{++sha}.txt",
        Kind = DocumentKind.Text,
        Sha256 = sha.ToString("x64", System.Globalization.CultureInfo.InvariantCulture),
        ReceivedAt = receivedAt,
        UpdatedAt = receivedAt,
        Status = status,
    };

    private void Decide(TriageDb db, DateTimeOffset decidedAt, string? engine, string? promptVersion, params string[] corrected)
    {
        var diff = corrected.ToDictionary(f => f, f => new { proposed = "mesin", final = "petugas" });
        db.Register.Add(new RegisterEntry
        {
            DocumentId = Guid.NewGuid(),
            Year = 2000,
            AgendaNumber = ++agendaNumber,
            Sender = "KPU RI",
            Perihal = "Undangan rapat",
            Urgency = "biasa",
            Security = "biasa",
            LetterType = "undangan",
            ProposalId = engine is null ? null : Guid.NewGuid(),
            Engine = engine,
            Model = engine is null ? null : "spec-model",
            PromptVersion = promptVersion,
            DiffJson = JsonSerializer.Serialize(diff),
            DecidedBy = "siti",
            DecidedAt = decidedAt,
        });
    }

    private static void Call(TriageDb db, DateTimeOffset at, string provider, int promptTokens, int completionTokens) => db.ModelCalls.Add(new ModelCall
    {
        CacheKey = Guid.NewGuid().ToString("N"),
        Provider = provider,
        Location = provider == PricedProvider ? ProviderLocations.Cloud : ProviderLocations.OnPremises,
        Model = "spec-model",
        PromptName = "triage",
        PromptHash = "spec",
        PromptTokens = promptTokens,
        CompletionTokens = completionTokens,
        Answer = "{}",
        CreatedAt = at,
    });

    private void Waiting(TriageDb db, DateTimeOffset receivedAt, ReviewState state, bool manual)
    {
        var document = Document(receivedAt, manual ? DocumentStatus.ManualTriage : DocumentStatus.InReview);
        db.Documents.Add(document);
        db.ReviewItems.Add(new ReviewItem
        {
            DocumentId = document.Id,
            State = state,
            CreatedAt = receivedAt,
            ManualTriageReason = manual ? "scan unreadable" : null,
            Source = document.Source,
        });
    }
}
