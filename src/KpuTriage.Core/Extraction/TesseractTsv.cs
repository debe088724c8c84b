using System.Globalization;
using System.Text;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Reads Tesseract's TSV output: one row per page, block, paragraph, line and word. Text and
/// confidence come from the same rows, so one recognition pass gives both and multi-page
/// TIFFs split cleanly by page_num.
/// </summary>
internal static class TesseractTsv
{
    private const int WordLevel = 5;

    // level page_num block_num par_num line_num word_num left top width height conf text
    private const int Columns = 12;

    public static List<OcrPage> Parse(string tsv)
    {
        var pages = new SortedDictionary<int, PageBuilder>();
        foreach (var line in tsv.Split('\n').Skip(1))
        {
            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length < Columns - 1
                || !int.TryParse(cells[0], CultureInfo.InvariantCulture, out var level)
                || !int.TryParse(cells[1], CultureInfo.InvariantCulture, out var page))
            {
                continue;
            }

            if (!pages.TryGetValue(page, out var builder))
            {
                pages[page] = builder = new PageBuilder();
            }

            var text = cells.Length >= Columns ? cells[11].Trim() : string.Empty;
            if (level != WordLevel || text.Length == 0
                || !double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence))
            {
                continue;
            }

            builder.Add((cells[2], cells[3]), cells[4], text, confidence);
        }

        return [.. pages.Values.Select(p => p.Build())];
    }

    private sealed class PageBuilder
    {
        private readonly StringBuilder _text = new();
        private (string Block, string Paragraph)? _paragraph;
        private string? _line;
        private double _confidenceSum;
        private int _words;

        public void Add((string Block, string Paragraph) paragraph, string line, string word, double confidence)
        {
            if (_paragraph is not null)
            {
                // Tesseract's own text output separates paragraphs with a blank line.
                _text.Append(_paragraph != paragraph ? "\n\n" : _line != line ? "\n" : " ");
            }

            (_paragraph, _line) = (paragraph, line);
            _text.Append(word);
            if (confidence >= 0)
            {
                _confidenceSum += confidence;
                _words++;
            }
        }

        public OcrPage Build() =>
            new(PageText.Normalize(_text.ToString()), _words == 0 ? null : Math.Round(_confidenceSum / _words, 1));
    }
}
