using System.Text;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// Finds a model's quote in the letter, so it becomes evidence with page and offset like the
/// parser's. Runs of whitespace and letter case are ignored (models reflow columns); anything
/// else must match. A quote that is nowhere in the letter is no evidence at all.
/// </summary>
public static class QuoteLocator
{
    public static Evidence? Find(IReadOnlyList<ExtractedPage> pages, string? quote)
    {
        if (string.IsNullOrWhiteSpace(quote))
        {
            return null;
        }

        var (needle, _) = Normalize(quote.Trim().Trim('…', '"', '\''));
        if (needle.Length == 0)
        {
            return null;
        }

        foreach (var page in pages)
        {
            var (haystack, offsets) = Normalize(page.Text ?? string.Empty);
            var at = haystack.IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0)
            {
                var start = offsets[at];
                var end = offsets[at + needle.Length - 1] + 1;
                return new Evidence(page.Number, start, end - start, page.Text![start..end]);
            }
        }

        return null;
    }

    /// <summary>Lower case with whitespace runs as one space, and for each character its index in the original.</summary>
    private static (string Text, List<int> Offsets) Normalize(string text)
    {
        var normalized = new StringBuilder(text.Length);
        var offsets = new List<int>(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                space = normalized.Length > 0;
                continue;
            }

            if (space)
            {
                normalized.Append(' ');
                offsets.Add(i - 1);
                space = false;
            }

            normalized.Append(char.ToLowerInvariant(text[i]));
            offsets.Add(i);
        }

        return (normalized.ToString(), offsets);
    }
}
