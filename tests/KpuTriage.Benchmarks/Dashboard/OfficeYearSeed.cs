using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Register;
using KpuTriage.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Benchmarks.Dashboard;

/// <summary>
/// A busy office's year as the dashboard reads it: N decided letters (a committed document and
/// its register line each) spread evenly over the last 366 days, three quarters on the language
/// model under three stored prompt versions in turn and a quarter on the local engine; as many
/// model calls with realistic token counts and stored answers (≈1.5 KB). The register's diff
/// names 0–3 corrected fields (55 % none, 25 % one, 13 % two, 7 % three). No proposal rows:
/// the dashboard never reads them (the register keeps the engine, model and prompt version).
/// </summary>
internal static class OfficeYearSeed
{
    public const string Provider = "bench-llm";
    private const int Batch = 2000;

    private static readonly string[] Corrigible = ["perihal", "sender", "letterType", "unit", "urgency", "summary", "letterNumber", "archiveCode"];

    public static async Task SeedAsync(TriageDb db, int letters)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var labels = await VersionsAsync(db);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var random = new Random(20261128);
        var now = DateTimeOffset.UtcNow;
        var span = TimeSpan.FromDays(366);
        var agenda = new Dictionary<int, int>();
        var answer = AnswerText();
        for (var first = 0; first < letters; first += Batch)
        {
            for (var i = first; i < Math.Min(letters, first + Batch); i++)
            {
                // Oldest first, so agenda numbers rise with the decision time, as in a real register.
                var decidedAt = now - span + span * ((i + random.NextDouble()) / letters);
                var receivedAt = decidedAt - TimeSpan.FromMinutes(random.Next(5, 48 * 60));
                var document = new Document
                {
                    Source = "srikandi",
                    FileName = $"surat-{i}.pdf",
                    Kind = DocumentKind.Text,
                    Sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                    SizeBytes = 2400,
                    ReceivedAt = receivedAt,
                    Status = DocumentStatus.Committed,
                    UpdatedAt = decidedAt,
                };
                var llm = random.NextDouble() < 0.75;
                var share = (double)i / letters;
                var label = llm ? labels[share < 0.45 ? 0 : share < 0.85 ? 1 : 2] : "taxonomy:bench-office-year";
                var year = TimeZoneInfo.ConvertTime(decidedAt, zone).Year;
                agenda[year] = agenda.GetValueOrDefault(year) + 1;
                db.Documents.Add(document);
                db.Register.Add(new RegisterEntry
                {
                    DocumentId = document.Id,
                    Year = year,
                    AgendaNumber = agenda[year],
                    LetterNumber = $"{i}/PL.02.1-Und/32/2026",
                    LetterDate = DateOnly.FromDateTime(receivedAt.UtcDateTime).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Sender = "KOMISI PEMILIHAN UMUM PROVINSI JAWA BARAT",
                    Perihal = $"Undangan Rapat Koordinasi Pemutakhiran Data Pemilih {i}",
                    Urgency = "biasa",
                    Security = "biasa",
                    LetterType = "undangan",
                    Register = "sekretaris",
                    Unit = "subbag_kul",
                    ArchiveCode = "PL",
                    Summary = "Dalam rangka persiapan pemutakhiran data pemilih berkelanjutan, bersama ini kami mengundang Saudara untuk hadir.",
                    ProposalId = Guid.CreateVersion7(),
                    Engine = llm ? ModelEngine.EngineName : "local",
                    Model = llm ? "qwen2.5-7b-instruct" : "letter-parser+classifier-0193ab12",
                    PromptVersion = label,
                    DiffJson = Diff(random),
                    DecidedBy = $"petugas{random.Next(6)}",
                    DecidedAt = decidedAt,
                });
                db.ModelCalls.Add(new ModelCall
                {
                    CacheKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                    Provider = Provider,
                    Location = ProviderLocations.OnPremises,
                    Model = "qwen2.5-7b-instruct",
                    PromptName = PromptSet.Name,
                    PromptHash = label,
                    PromptTokens = random.Next(1_500, 6_000),
                    CompletionTokens = random.Next(250, 700),
                    DurationMs = random.Next(1_500, 9_000),
                    FinishReason = "stop",
                    Answer = answer,
                    CreatedAt = receivedAt.AddSeconds(random.Next(2, 60)),
                });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            Console.Write($"\r  seeded {Math.Min(letters, first + Batch):N0} of {letters:N0} decided letters and model calls");
        }

        Console.WriteLine();
    }

    /// <returns>The labels (triage@hash) of three stored prompt versions, oldest first.</returns>
    private static async Task<string[]> VersionsAsync(TriageDb db)
    {
        var number = await db.PromptVersions.Select(v => (int?)v.Number).MaxAsync() ?? 0;
        var labels = new string[3];
        for (var v = 0; v < labels.Length; v++)
        {
            var files = new PromptFiles(new Dictionary<string, string>
            {
                [PromptFiles.SystemFile] = $"Anda adalah petugas tata usaha KPU (benchmark version {v + 1}).",
                [PromptFiles.UserFile] = "{{letter}}",
            }, "version: bench\n");
            var version = PromptVersion.Create(++number, null, "bench-admin", DateTimeOffset.UtcNow, files, PromptVersionState.Draft);
            db.PromptVersions.Add(version);
            labels[v] = version.Label;
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return labels;
    }

    private static string Diff(Random random)
    {
        var roll = random.NextDouble();
        var count = roll < 0.55 ? 0 : roll < 0.80 ? 1 : roll < 0.93 ? 2 : 3;
        var diff = new Dictionary<string, object>();
        while (diff.Count < count)
        {
            diff[Corrigible[random.Next(Corrigible.Length)]] = new { proposed = "Undangan rapat koordinasi", final = "Undangan rapat pleno terbuka (dikoreksi petugas)" };
        }

        return JsonSerializer.Serialize(diff);
    }

    private static string AnswerText()
    {
        var fields = FinalValues.FieldNames.ToDictionary(f => f, f => new
        {
            value = $"nilai {f} yang diusulkan model untuk surat ini",
            confidence = 0.85,
            evidence = new { page = 1, quote = $"kutipan surat untuk {f}, sebagaimana tertulis pada halaman pertama" },
        });
        return JsonSerializer.Serialize(fields);
    }
}
