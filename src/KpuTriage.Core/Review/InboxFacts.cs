using System.Globalization;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Review;

/// <summary>
/// Copies onto a review item what the inbox orders, filters and searches by, from its
/// document and proposal. Done once when the item is made (or remade after a new proposal).
/// </summary>
public static class InboxFacts
{
    /// <summary>Flag: the engine's readings disagree (the parser's hints, or the parser and the classifier).</summary>
    public const string Disagreement = "disagreement";

    /// <summary>Flag: the letter's text addresses the machine ("ignore previous instructions"); engines warn with "injection: …".</summary>
    public const string Injection = "injection";

    public static void Apply(ReviewItem item, Document document, Proposal? proposal, Taxonomy taxonomy)
    {
        var fields = proposal?.Fields();
        item.Source = document.Source;
        item.Urgency = fields?.Urgency.Value;
        item.UrgencyRank = taxonomy.UrgencyRank(item.Urgency);
        item.Security = fields?.Security.Value;
        item.LetterType = fields?.LetterType.Value;
        item.Unit = fields?.Unit.Value;
        item.LetterNumber = Short(fields?.LetterNumber.Value);
        item.Sender = Short(fields?.Sender.Value);
        item.Perihal = Short(fields?.Perihal.Value);
        item.DueOn = DateOnly.TryParseExact(fields?.Deadline.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? due
            : DateOnly.MaxValue;
        item.SearchText = string.Join('\n', new[] { document.FileName, item.LetterNumber, item.Sender, item.Perihal }.Where(t => t is not null))
            .ToLowerInvariant();
        item.Flag = Flag(proposal?.Warnings() ?? []);
    }

    /// <summary>
    /// Injection first (it matters more). Disagreement is read from the local engine's notes:
    /// "the hints disagree" (letter type) and "the header suggested" (classifier over parser).
    /// </summary>
    public static string? Flag(IReadOnlyList<string> warnings)
    {
        if (warnings.Any(w => w.StartsWith(Injection, StringComparison.OrdinalIgnoreCase)))
        {
            return Injection;
        }

        return warnings.Any(w => w.Contains("disagree", StringComparison.OrdinalIgnoreCase) || w.Contains("header suggested", StringComparison.OrdinalIgnoreCase))
            ? Disagreement
            : null;
    }

    private static string? Short(string? text) =>
        text is { Length: > ReviewItem.ShortTextLength } ? text[..(ReviewItem.ShortTextLength - 1)] + "…" : text;
}
