using KpuTriage.Core.Documents;
using KpuTriage.Core.Evaluation;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// The letters a replay runs on: approved decisions (the register's final values, on the text
/// the engine read) sampled by letter type, plus every letter of the development set in the
/// prompts folder (eval/dev), read by the product's own extraction.
/// </summary>
public sealed class GoldSet(TriageDb db, TextExtractor extractor, PromptFolder prompts)
{
    private const string EvaluationLabels = "labels.tsv";

    /// <summary>The development set: labels.tsv and its letters, under the prompts folder.</summary>
    public string DevelopmentFolder => Path.Combine(prompts.Path, "eval", "dev");

    public async Task<GoldLetters> DrawAsync(int decisions, int seed, CancellationToken ct)
    {
        var sampled = await DecisionsAsync(decisions, seed, ct);
        var (development, note) = await DevelopmentAsync(ct);
        return new GoldLetters([.. sampled, .. development], sampled.Count, development.Count, note);
    }

    private async Task<List<GoldLetter>> DecisionsAsync(int size, int seed, CancellationToken ct)
    {
        // Only decisions whose text is kept can be replayed; ordered by id so the seed draws alike every time.
        var candidates = await db.Register.AsNoTracking()
            .Where(e => db.DocumentTexts.Any(t => t.DocumentId == e.DocumentId))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.LetterType })
            .ToListAsync(ct);
        var chosen = StratifiedSample.Draw(candidates, c => c.LetterType, size, seed).Select(c => c.Id).ToList();
        var entries = await db.Register.AsNoTracking().Where(e => chosen.Contains(e.Id)).ToListAsync(ct);
        var documents = entries.Select(e => e.DocumentId).ToList();
        var texts = await db.DocumentTexts.AsNoTracking().Where(t => documents.Contains(t.DocumentId)).ToDictionaryAsync(t => t.DocumentId, ct);
        return [.. entries
            .OrderBy(e => e.LetterType, StringComparer.Ordinal).ThenBy(e => e.Year).ThenBy(e => e.AgendaNumber)
            .Select(e => new GoldLetter(e.AgendaLabel, GoldLetter.Decision, e.LetterType, texts[e.DocumentId].Pages(), Expected(e)))];
    }

    private static Dictionary<string, string> Expected(RegisterEntry e) =>
        GoldLetter.Fields.ToDictionary(f => f, f => e.Value(f) ?? "", StringComparer.Ordinal);

    /// <summary>One rendering per labelled letter, the text PDF or else the DOCX: a scan would measure the OCR, not the prompt.</summary>
    private async Task<(List<GoldLetter> Letters, string? Note)> DevelopmentAsync(CancellationToken ct)
    {
        var labelsPath = Path.Combine(DevelopmentFolder, EvaluationLabels);
        if (!File.Exists(labelsPath))
        {
            return ([], $"no development set at {DevelopmentFolder}: approved decisions only");
        }

        var labels = LabelsFile.Load(labelsPath);
        if (GoldLetter.Fields.FirstOrDefault(f => !labels.Fields.Contains(f)) is { } missing)
        {
            throw new InvalidDataException($"{labelsPath} has no column '{missing}': a replay scores {string.Join(", ", GoldLetter.Fields)}.");
        }

        var letters = new List<GoldLetter>();
        var skipped = new List<string>();
        foreach (var row in labels.Rows)
        {
            if (Rendering(row.File) is not { } file)
            {
                skipped.Add(row.File);
                continue;
            }

            var pages = await ExtractAsync(file, ct);
            letters.Add(new GoldLetter(Path.GetFileName(file), GoldLetter.Development, row.Expected.GetValueOrDefault("letterType", ""), pages, row.Expected));
        }

        return (letters, skipped.Count == 0 ? null : $"no text PDF or DOCX in {DevelopmentFolder} for: {string.Join(", ", skipped)}");
    }

    private string? Rendering(string labelled)
    {
        string[] candidates = Path.HasExtension(labelled) ? [labelled] : [labelled + ".pdf", labelled + ".docx"];
        return candidates.Select(c => Path.Combine(DevelopmentFolder, c))
            .FirstOrDefault(path => File.Exists(path) && !path.Contains(".scan.", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<IReadOnlyList<ExtractedPage>> ExtractAsync(string file, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(file, ct);
        var kind = DocumentKindDetector.Detect(bytes, Path.GetFileName(file))
            ?? throw new InvalidDataException($"{file} is not a document the desk accepts.");
        using var content = new MemoryStream(bytes, writable: false);
        return (await extractor.ExtractAsync(content, kind, ct)).Pages;
    }
}
