using System.Globalization;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Reads Tesseract's TSV output: one row per page, block, paragraph, line and word. Text and
/// confidence come from the same rows, so one recognition pass gives both and multi-page
/// TIFFs split cleanly by page_num. The page's text is rebuilt from the word boxes
/// (<see cref="OcrLayout"/>), so a column beside another comes out on the same lines with a tab between them.
/// </summary>
internal static class TesseractTsv
{
    private const int WordLevel = 5;

    // level page_num block_num par_num line_num word_num left top width height conf text
    private const int Columns = 12;

    public static List<OcrPage> Parse(string tsv)
    {
        var pages = new SortedDictionary<int, List<OcrWord>>();
        foreach (var line in tsv.Split('\n').Skip(1))
        {
            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length < Columns - 1
                || !int.TryParse(cells[0], CultureInfo.InvariantCulture, out var level)
                || !int.TryParse(cells[1], CultureInfo.InvariantCulture, out var page))
            {
                continue;
            }

            if (!pages.TryGetValue(page, out var words))
            {
                pages[page] = words = [];
            }

            var text = cells.Length >= Columns ? cells[11].Trim() : string.Empty;
            if (level != WordLevel || text.Length == 0
                || !double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence))
            {
                continue;
            }

            words.Add(new OcrWord(
                (cells[2], cells[3], cells[4]),
                text,
                confidence,
                Int(cells[6]),
                Int(cells[7]),
                Int(cells[6]) + Int(cells[8]),
                Int(cells[7]) + Int(cells[9])));
        }

        return [.. pages.Values.Select(Build)];
    }

    private static OcrPage Build(List<OcrWord> words)
    {
        var scored = words.Where(w => w.Confidence >= 0).ToList();
        var (text, uncertain) = OcrLayout.Read(words);

        // Words hold no line breaks, so normalising leaves the uncertain words' offsets as they are.
        return new OcrPage(
            PageText.Normalize(text),
            scored.Count == 0 ? null : Math.Round(scored.Average(w => w.Confidence), 1),
            Uncertain: uncertain);
    }

    private static int Int(string cell) => int.TryParse(cell, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
