namespace KpuTriage.Benchmarks.Extraction;

/// <summary>
/// One generated KPU letter: the header a clerk registers from, a first-page body, and the
/// continuation pages that only the text PDF carries (so PdfPig has several pages to read).
/// </summary>
internal sealed record BenchmarkLetter(
    string LetterNumber,
    IReadOnlyList<string> Letterhead,
    string DateLine,
    IReadOnlyList<string> HeaderFields,
    IReadOnlyList<string> Body,
    IReadOnlyList<IReadOnlyList<string>> MorePages)
{
    /// <summary>The first page as lines, top to bottom: what both the scan and the text PDF show.</summary>
    public IEnumerable<string> FirstPageLines => [.. Letterhead, DateLine, .. HeaderFields, .. Body];
}
