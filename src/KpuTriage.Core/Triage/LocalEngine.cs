using System.Globalization;
using KpuTriage.Core.Classification;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Triage;

/// <summary>
/// The engine that runs on premises with no language model: the rule-based
/// <see cref="LetterHeaderParser"/> for what a letter prints, and the classifier that learns
/// from approved decisions for what it does not (routing, and the letter type or urgency
/// when the header is silent). Its prompt version is the taxonomy's hash, since the taxonomy
/// is all that steers it; its model names the classifier model used.
/// </summary>
public sealed class LocalEngine(LetterHeaderParser parser, CurrentClassifier classifier) : ITriageEngine
{
    public const string EngineName = "local";
    public const string ModelName = "letter-parser";
    public const string NoReadableText = "no readable text";

    // Fewer characters than this is a stamp, a page number or OCR noise, not a letter.
    private const int MinReadableCharacters = 20;

    public async Task<EngineProposal> ProposeAsync(IReadOnlyList<ExtractedPage> pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        cancellationToken.ThrowIfCancellationRequested();
        var promptVersion = "taxonomy:" + parser.Taxonomy.Version;

        if (!HasReadableText(pages))
        {
            return new EngineProposal(new LetterFields(), EngineName, ModelName, promptVersion, [NoReadableText], NoReadableText);
        }

        var reading = parser.Read(pages);
        await classifier.WaitAsync(cancellationToken);
        var model = ModelName;
        if (classifier.Classifier is { } trained && classifier.Model is { } current)
        {
            var parsed = reading.Fields;
            reading = ClassifierFusion.Apply(reading, trained.Predict(parsed.Sender.Value, parsed.Perihal.Value, parsed.Summary.Value), parser.Taxonomy);
            model = $"{ModelName}+{current.Label}";
        }

        var (fields, ocrWarnings) = OcrDoubt.Apply(reading.Fields, pages);
        reading = reading with { Fields = fields };
        return new EngineProposal(fields, EngineName, model, promptVersion, [.. ocrWarnings, .. Warnings(reading)]);
    }

    private static bool HasReadableText(IReadOnlyList<ExtractedPage> pages)
    {
        var count = 0;
        foreach (var page in pages)
        {
            foreach (var c in page.Text ?? string.Empty)
            {
                if (!char.IsWhiteSpace(c) && ++count >= MinReadableCharacters)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<string> Warnings(LetterReading reading) =>
    [
        .. reading.Fields.Named()
            .Where(f => f.Value.IsLowConfidence)
            .Where(f => f.Value.Value is not null || !LetterFields.OptionalNames.Contains(f.Key))
            .Select(f => f.Value.Value is null
                ? $"{f.Key}: not found"
                : reading.Notes.TryGetValue(f.Key, out var note)
                    ? $"{f.Key}: {note} (confidence {Format(f.Value.Confidence)})"
                    : $"{f.Key}: '{f.Value.Value}' is uncertain (confidence {Format(f.Value.Confidence)})"),
    ];

    private static string Format(double confidence) => confidence.ToString("0.00", CultureInfo.InvariantCulture);
}
