namespace KpuTriage.Core.Extraction;

/// <summary>
/// How much of one document's text is kept (Extraction:MaxPageChars per page, MaxTextChars in
/// all), and the reason when some was not. Every reader's pages pass through
/// <see cref="Keep(ExtractionResult)"/>; readers that can stop early (plain text, Word, a PDF's
/// pages) hold no more than <see cref="PageHold"/> and <see cref="DocumentHold"/> while reading,
/// one character past the limits, so the cut is still seen here, and say where they stopped
/// (<see cref="HeldShort"/>) when they clean the text after holding it. Kept text never ends in
/// half a surrogate pair.
/// </summary>
internal sealed class TextAllowance(int maxPageChars, int maxTextChars)
{
    private readonly Dictionary<int, bool> _heldShort = [];
    private long _kept;

    public TextAllowance(TextExtractorOptions options)
        : this(options.MaxPageChars, options.MaxTextChars)
    {
    }

    /// <summary>Characters of one page a reader holds at most.</summary>
    public int PageHold => maxPageChars + 1;

    /// <summary>Characters of the whole document a reader holds at most; it may stop reading past them.</summary>
    public long DocumentHold => maxTextChars + 1L;

    /// <summary>The first cut, as a sentence for the clerk (<see cref="ExtractionReasons.TextCutPrefix"/>); null while nothing was cut.</summary>
    public string? Truncation { get; private set; }

    /// <summary>
    /// A reader held less of a page than it had: the page is cut even if what was held fits once
    /// cleaned (line ends joined, blank lines trimmed). <paramref name="documentFull"/> when the
    /// document's characters ran out there, else the page's did.
    /// </summary>
    public void HeldShort(int page, bool documentFull) => _heldShort.TryAdd(page, documentFull);

    private bool Exhausted => _kept >= maxTextChars;

    private int Room => (int)Math.Min(maxPageChars, maxTextChars - _kept);

    private void Charge(int page, int kept, bool cut, bool documentFull)
    {
        _kept += kept;
        if (cut && Truncation is null)
        {
            Truncation = documentFull
                ? ExtractionReasons.DocumentTextCut(page, maxTextChars)
                : ExtractionReasons.PageTextCut(page, maxPageChars);
        }
    }

    /// <returns>The page with the text it may keep, marked <see cref="ExtractedPage.Truncated"/> when cut.</returns>
    private ExtractedPage Keep(ExtractedPage page)
    {
        var room = Room;
        if (page.Text.Length <= room)
        {
            var heldShort = _heldShort.TryGetValue(page.Number, out var documentFull);
            Charge(page.Number, page.Text.Length, heldShort, documentFull);
            return heldShort ? page with { Truncated = true } : page;
        }

        var kept = Cut(page.Text, room);
        Charge(page.Number, kept.Length, cut: true, documentFull: room < maxPageChars);
        var uncertain = page.Uncertain?.Where(span => span.End <= kept.Length).ToList();
        return page with { Text = kept, Truncated = true, Uncertain = uncertain is { Count: > 0 } ? uncertain : null };
    }

    /// <returns>The result with every page within the allowance; pages after the document's characters ran out are left out.</returns>
    public ExtractionResult Keep(ExtractionResult result)
    {
        var pages = new List<ExtractedPage>(result.Pages.Count);
        foreach (var page in result.Pages)
        {
            if (Exhausted)
            {
                if (!string.IsNullOrWhiteSpace(page.Text))
                {
                    Charge(page.Number, 0, cut: true, documentFull: true);
                }

                break;
            }

            pages.Add(Keep(page));
        }

        return result with { Pages = pages, Truncation = result.Truncation ?? Truncation };
    }

    /// <returns>The first <paramref name="length"/> characters, one fewer when that would split a surrogate pair.</returns>
    private static string Cut(string text, int length)
    {
        if (length <= 0)
        {
            return string.Empty;
        }

        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
