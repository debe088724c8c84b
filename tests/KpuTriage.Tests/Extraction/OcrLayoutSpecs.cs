using System.Globalization;
using System.Text;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Triage;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Extraction;

/// <summary>
/// A two-column letter header as Tesseract reports it: the left column (Nomor, Sifat, Hal) in
/// one block and the date and Kepada column beside it in another, read after it. The page text
/// is rebuilt from the boxes so each label keeps its own line and the right column its own region.
/// </summary>
public sealed class OcrLayoutSpecs
{
    private static readonly (int Block, int Line, int Left, int Top, string Text)[] TwoColumns =
    [
        (1, 1, 700, 100, "PEMERINTAH KABUPATEN JEPARA"),
        (1, 2, 650, 160, "SEKRETARIAT DAERAH"),
        (2, 1, 150, 400, "Nomor : 005/      /2020"),
        (2, 2, 150, 460, "Sifat : Segera"),
        (2, 3, 150, 520, "Lampiran : -"),
        (2, 4, 150, 580, "Hal : Undangan Rapat Koordinasi"),
        (3, 1, 1500, 395, "Jepara, 3 Februari 2020"),
        (3, 2, 1500, 455, "Kepada Yth."),
        (3, 3, 1500, 515, "Kepala Dinas Kesehatan"),
        (3, 4, 1500, 575, "di JEPARA"),
    ];

    [Fact]
    public void Should_put_lines_that_sit_side_by_side_on_one_text_line_with_a_tab_between_them()
    {
        var page = Assert.Single(TesseractTsv.Parse(Tsv(TwoColumns)));

        var lines = page.Text.Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Equal("Nomor : 005/ /2020\tJepara, 3 Februari 2020", lines[2]);
        Assert.Equal("Sifat : Segera\tKepada Yth.", lines[3]);
        Assert.Equal("Lampiran : -\tKepala Dinas Kesehatan", lines[4]);
        Assert.Equal("Hal : Undangan Rapat Koordinasi\tdi JEPARA", lines[5]);
    }

    [Fact]
    public void Should_read_header_fields_from_their_own_column_when_the_header_has_two()
    {
        var page = Assert.Single(TesseractTsv.Parse(Tsv(TwoColumns)));

        var fields = ShippedTaxonomy.Parser.Parse([new ExtractedPage(1, page.Text, page.Confidence)]);

        Assert.Equal("2020-02-03", fields.LetterDate.Value);
        Assert.Equal("segera", fields.Urgency.Value);
        Assert.Equal("Undangan Rapat Koordinasi", fields.Perihal.Value);
        Assert.Equal("005//2020", fields.LetterNumber.Value);
        Assert.True(fields.LetterNumber.IsLowConfidence);
    }

    [Fact]
    public void Should_keep_one_column_in_tesseracts_line_and_paragraph_order()
    {
        var page = Assert.Single(TesseractTsv.Parse(Tsv([(1, 1, 100, 100, "Dengan hormat,"), (1, 2, 100, 160, "bersama ini kami sampaikan"), (2, 1, 100, 300, "Demikian.")])));

        Assert.Equal("Dengan hormat,\nbersama ini kami sampaikan\n\nDemikian.", page.Text);
    }

    [Fact]
    public void Should_mark_a_number_whose_sequence_is_blank_at_its_end_as_uncertain()
    {
        var fields = ShippedTaxonomy.Parser.Parse([new ExtractedPage(1, "PEMERINTAH KABUPATEN JEPARA\n\nNomor : 050/\nHal : Laporan")]);

        Assert.Equal("050/", fields.LetterNumber.Value);
        Assert.True(fields.LetterNumber.IsLowConfidence);
    }

    // One word row per word, 30 px high, 20 px per character, as Tesseract's TSV has them.
    private static string Tsv(IEnumerable<(int Block, int Line, int Left, int Top, string Text)> lines)
    {
        var tsv = new StringBuilder("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
        foreach (var (block, line, left, top, text) in lines)
        {
            var x = left;
            var word = 0;
            foreach (var part in text.Split(' '))
            {
                if (part.Length == 0)
                {
                    x += 20;
                    continue;
                }

                tsv.Append(CultureInfo.InvariantCulture, $"5\t1\t{block}\t1\t{line}\t{++word}\t{x}\t{top}\t{part.Length * 20}\t30\t91.5\t{part}\n");
                x += (part.Length + 1) * 20;
            }
        }

        return tsv.ToString();
    }
}
