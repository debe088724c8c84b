using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Triage;

/// <summary>
/// One page split into lines that keep their offsets, so every rule can quote evidence
/// from the page text exactly as stored.
/// </summary>
internal sealed class LetterPage
{
    public LetterPage(ExtractedPage page)
    {
        Number = page.Number;
        Text = page.Text ?? string.Empty;
        IsOcr = page.OcrConfidence is not null;
        _page = page;
        var lines = new List<TextLine>();
        var start = 0;
        while (start <= Text.Length)
        {
            var newline = Text.IndexOf('\n', start);
            var end = newline < 0 ? Text.Length : newline;
            lines.Add(new TextLine(lines.Count, start, Text[start..end].TrimEnd('\r')));
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        Lines = lines;
        var bodyStart = lines.FindIndex(line => HeaderPatterns.BodyStart().IsMatch(line.Text));
        HeaderLineCount = bodyStart < 0 ? lines.Count : bodyStart;
    }

    private readonly ExtractedPage _page;

    public int Number { get; }

    /// <summary>Whether OCR read any character of the page text in [<paramref name="start"/>, <paramref name="end"/>) with low word confidence.</summary>
    public bool IsUncertain(int start, int end) => _page.IsUncertain(start, end);

    /// <summary>Whether OCR read this page: its digits and letters may be confused.</summary>
    public bool IsOcr { get; }

    public string Text { get; }

    public IReadOnlyList<TextLine> Lines { get; }

    /// <summary>
    /// Lines before the body ("Dengan hormat", "Sehubungan dengan"…): where Nomor, Sifat,
    /// Hal and the date sit. Rules that would misfire on body text (an event's "Tanggal :")
    /// look only here. The whole page when no body opening is found.
    /// </summary>
    public int HeaderLineCount { get; }

    public bool InHeader(TextLine line) => line.Index < HeaderLineCount;

    public Evidence Evidence(int start, int end) => new(Number, start, end - start, Text[start..end]);

    /// <summary>Evidence for a line without its surrounding whitespace.</summary>
    public Evidence Evidence(TextLine line)
    {
        var (start, end) = line.Trimmed();
        return Evidence(start, end);
    }
}
