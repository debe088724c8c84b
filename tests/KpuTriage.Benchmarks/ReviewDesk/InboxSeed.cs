using System.Globalization;
using System.Security.Cryptography;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Benchmarks.ReviewDesk;

/// <summary>
/// Fills an office's database with pending inbox items as the pipeline would leave them: a
/// document, a proposal and an open review item each, with realistic spreads of urgency,
/// security, units, letter types, sources, deadlines, flags and manual triage.
/// </summary>
internal static class InboxSeed
{
    private const int Batch = 2000;

    public static async Task SeedAsync(TriageDb db, Taxonomy taxonomy, int items)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(20261128);
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        string[] sources = ["srikandi", "email", "folder", "default"];
        for (var first = 0; first < items; first += Batch)
        {
            for (var i = first; i < Math.Min(items, first + Batch); i++)
            {
                var receivedAt = start.AddSeconds(i * 25.0);
                var document = new Document
                {
                    Source = sources[random.Next(sources.Length)],
                    FileName = $"surat-{i}.pdf",
                    Kind = DocumentKind.Text,
                    Sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                    SizeBytes = 2400,
                    ReceivedAt = receivedAt,
                    Status = DocumentStatus.InReview,
                    UpdatedAt = receivedAt,
                };
                var manual = random.NextDouble() < 0.03;
                var proposal = Proposal.From(document.Id, 1, Answer(i, random, taxonomy, manual), receivedAt.AddSeconds(2));
                var item = new ReviewItem
                {
                    DocumentId = document.Id,
                    ProposalId = proposal.Id,
                    CreatedAt = receivedAt.AddSeconds(3),
                    State = ReviewState.Open,
                    ManualTriageReason = manual ? "engine outage: the model did not answer in time" : null,
                };
                if (manual)
                {
                    document.Status = DocumentStatus.ManualTriage;
                }

                InboxFacts.Apply(item, document, proposal, taxonomy);
                db.Documents.Add(document);
                db.Proposals.Add(proposal);
                db.ReviewItems.Add(item);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            Console.Write($"\r  seeded {Math.Min(items, first + Batch):N0} of {items:N0} inbox items");
        }

        Console.WriteLine();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static EngineProposal Answer(int i, Random random, Taxonomy taxonomy, bool manual)
    {
        static ProposedField Field(string? value, double confidence, int start = 0) =>
            new(value, confidence, value is null ? null : new Evidence(1, start, value.Length, value));
        var roll = random.NextDouble();
        var urgency = roll < 0.7 ? "biasa" : roll < 0.9 ? "segera" : "amat_segera";
        roll = random.NextDouble();
        var security = roll < 0.9 ? "biasa" : roll < 0.95 ? "terbatas" : roll < 0.99 ? "rahasia" : "sangat_rahasia";
        var unit = taxonomy.Units[random.Next(taxonomy.Units.Count)];
        var type = taxonomy.LetterTypes[random.Next(Math.Min(10, taxonomy.LetterTypes.Count))];
        var deadline = random.NextDouble() < 0.2
            ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(1, 60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        var fields = new LetterFields
        {
            LetterNumber = Field($"{i}/PL.02.1-Und/32/2025", 0.9, 80),
            LetterDate = Field("2025-03-12", 0.9, 60),
            Sender = Field("KOMISI PEMILIHAN UMUM PROVINSI JAWA BARAT", 0.85),
            Perihal = Field($"Undangan Rapat Koordinasi Pemutakhiran Data Pemilih {i}", 0.9, 140),
            Urgency = Field(urgency, 0.9, 100),
            Security = Field(security, 0.8, 100),
            LetterType = Field(type.Code, 0.9),
            Lampiran = Field("1 (satu) berkas", 0.9, 120),
            Addressee = Field("Ketua KPU Kabupaten Purwakarta", 0.85, 200),
            SignerName = Field("Ahmad Sudrajat", 0.8, 700),
            Deadline = Field(deadline, 0.8, 500),
            Register = Field(unit.Register, 0.8),
            Unit = Field(unit.Code, 0.7),
            ArchiveCode = Field("PL", 0.8),
            Summary = Field("Dalam rangka persiapan pemutakhiran data pemilih berkelanjutan, bersama ini kami mengundang Saudara untuk hadir.", 0.6, 300),
        };
        List<string> warnings = random.NextDouble() < 0.05 ? ["letterType: the hints disagree (undangan, surat_dinas); 'undangan' has the most"] : [];
        return new EngineProposal(fields, "local", "letter-parser", "taxonomy:bench", warnings, manual ? "engine outage" : null);
    }
}
