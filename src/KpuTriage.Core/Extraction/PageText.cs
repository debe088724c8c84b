namespace KpuTriage.Core.Extraction;

/// <summary>Line-ending clean-up every reader applies, so offsets mean the same everywhere.</summary>
internal static class PageText
{
    public static string Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace("\0", string.Empty, StringComparison.Ordinal);

    public static bool AllBlank(IEnumerable<ExtractedPage> pages) =>
        pages.All(page => string.IsNullOrWhiteSpace(page.Text));

    /// <summary>Drops one trailing blank page, which a final form feed or page break leaves behind.</summary>
    public static List<string> WithoutTrailingBlank(List<string> pages)
    {
        if (pages.Count > 1 && string.IsNullOrWhiteSpace(pages[^1]))
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return pages;
    }

    public static ExtractionResult Result(List<string> pageTexts, string method, int maxPages, string? reason = null)
    {
        var pages = pageTexts
            .Take(maxPages)
            .Select((text, index) => new ExtractedPage(index + 1, text))
            .ToList();
        if (reason is null && pageTexts.Count > maxPages)
        {
            reason = ExtractionReasons.TooManyPages(pageTexts.Count, maxPages);
        }

        return new ExtractionResult(pages, method, reason);
    }
}
