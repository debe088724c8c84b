using System.Globalization;
using System.Text;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Triage;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Extraction;

/// <summary>
/// Letters whose sequence number or day was written by hand into a printed blank, as Tesseract
/// reports them: the printed words at 85–96, the handwriting guessed at a low word confidence.
/// The parser keeps what is printed and leaves the hand-filled part as a gap marked uncertain,
/// instead of proposing OCR's guess as the letter's number or date.
/// A word is written <c>text@confidence</c>; words without one read at 92.
/// </summary>
public sealed class HandFilledPartSpecs
{
    [Fact]
    public void Should_leave_the_sequence_number_as_a_gap_when_ocr_read_it_with_low_confidence()
    {
        var fields = Parse("Nomor : 005/ 7O09@41 /2018", "Jepara, 13 Desember 2018");

        Assert.Equal("005/   /2018", fields.LetterNumber.Value);
        Assert.True(fields.LetterNumber.IsLowConfidence);
    }

    [Fact]
    public void Should_keep_a_printed_prefix_before_a_hand_filled_sequence_number()
    {
        var fields = Parse("Nomor : UND- 62@35 /WKN.03/KNL.03/2017", "Jakarta, 3 April 2017");

        Assert.Equal("UND-   /WKN.03/KNL.03/2017", fields.LetterNumber.Value);
        Assert.True(fields.LetterNumber.IsLowConfidence);
    }

    [Fact]
    public void Should_leave_a_gap_beside_the_printed_slash_when_ocr_read_the_slash_and_the_handwriting_as_one_word()
    {
        var fields = Parse("NOMOR : 961 /baw@58", "Jepara, 4 April 2019");

        Assert.Equal("961/   ", fields.LetterNumber.Value);
        Assert.True(fields.LetterNumber.IsLowConfidence);
    }

    [Fact]
    public void Should_mark_a_blank_after_a_printed_dash_as_a_gap_when_ocr_joins_both_sides()
    {
        var fields = Parse("Nomor : UND- /WKN.03/KNL.03/2017", "Jakarta, 3 April 2017");

        Assert.Equal("UND-   /WKN.03/KNL.03/2017", fields.LetterNumber.Value);
        Assert.True(fields.LetterNumber.IsLowConfidence);
    }

    [Fact]
    public void Should_mark_a_number_written_wholly_by_hand_as_uncertain()
    {
        var fields = Parse("Nomor : 005/0724@38", "Jepara, 3 Februari 2020");

        Assert.Equal("005/0724", fields.LetterNumber.Value);
        Assert.True(fields.LetterNumber.IsLowConfidence);
    }

    [Fact]
    public void Should_read_a_typed_number_as_printed_and_certain_when_every_word_reads_well()
    {
        var fields = Parse("Nomor : 005/ 7009 /2018", "Jepara, 13 Desember 2018");

        Assert.Equal("005/7009/2018", fields.LetterNumber.Value);
        Assert.False(fields.LetterNumber.IsLowConfidence);
    }

    [Fact]
    public void Should_mark_the_date_uncertain_when_its_day_was_read_from_handwriting()
    {
        var fields = Parse("Nomor : 005/7009/2018", "Jepara, 18@22 Desember 2018");

        Assert.StartsWith("2018-12", fields.LetterDate.Value, StringComparison.Ordinal);
        Assert.True(fields.LetterDate.IsLowConfidence);
    }

    [Fact]
    public void Should_keep_a_typed_date_certain_when_its_day_reads_well()
    {
        var fields = Parse("Nomor : 005/7009/2018", "Jepara, 18 Desember 2018");

        Assert.Equal("2018-12-18", fields.LetterDate.Value);
        Assert.False(fields.LetterDate.IsLowConfidence);
    }

    [Fact]
    public void Should_still_prefer_the_letters_own_date_to_a_later_date_when_its_day_is_uncertain()
    {
        var fields = Parse("Nomor : 050/0013", "Jepara, 6@48 Januari 2020", "laporan disampaikan paling lambat Jumat, 10 Januari 2020 ke Bappeda.");

        Assert.Equal("2020-01-06", fields.LetterDate.Value);
        Assert.True(fields.LetterDate.IsLowConfidence);
    }

    [Fact]
    public void Should_keep_the_uncertain_words_of_a_page_through_the_stored_text()
    {
        var page = Assert.Single(TesseractTsv.Parse(Tsv("Nomor : 005/ 7O09@41 /2018", "Jepara, 13 Desember 2018")));
        var stored = new ExtractedPage(1, page.Text, page.Confidence, Uncertain: page.Uncertain);

        var json = System.Text.Json.JsonSerializer.Serialize(stored);
        var read = System.Text.Json.JsonSerializer.Deserialize<ExtractedPage>(json)!;

        var span = Assert.Single(read.Uncertain!);
        Assert.Equal("7O09", read.Text.Substring(span.Start, span.Length));
    }

    private static LetterFields Parse(string numberLine, string dateLine, string? bodyLine = null)
    {
        var page = Assert.Single(TesseractTsv.Parse(Tsv(numberLine, dateLine, bodyLine)));
        return ShippedTaxonomy.Parser.Parse([new ExtractedPage(1, page.Text, page.Confidence, Uncertain: page.Uncertain)]);
    }

    // The number on the left, the date in a column beside it, the rest of a header under them.
    private static string Tsv(string numberLine, string dateLine, string? bodyLine = null)
    {
        (int Block, int Line, int Left, int Top, string Text)[] lines =
        [
            (1, 1, 700, 100, "PEMERINTAH KABUPATEN JEPARA"),
            (1, 2, 650, 160, "SEKRETARIAT DAERAH"),
            (2, 1, 150, 400, numberLine),
            (2, 2, 150, 460, "Sifat : Biasa"),
            (2, 3, 150, 520, "Lampiran : -"),
            (2, 4, 150, 580, "Hal : Undangan"),
            (3, 1, 1500, 395, dateLine),
            (4, 1, 150, 700, bodyLine ?? "Dengan hormat, kami mengundang Saudara pada rapat koordinasi."),
        ];
        var tsv = new StringBuilder("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
        foreach (var (block, line, left, top, text) in lines)
        {
            var x = left;
            var word = 0;
            foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var at = part.LastIndexOf('@');
                var (wordText, confidence) = at > 0 ? (part[..at], double.Parse(part[(at + 1)..], CultureInfo.InvariantCulture)) : (part, 92.0);
                tsv.Append(CultureInfo.InvariantCulture, $"5\t1\t{block}\t1\t{line}\t{++word}\t{x}\t{top}\t{wordText.Length * 20}\t30\t{confidence}\t{wordText}\n");
                x += (wordText.Length + 1) * 20;
            }
        }

        return tsv.ToString();
    }
}
