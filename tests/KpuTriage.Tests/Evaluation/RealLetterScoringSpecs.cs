using KpuTriage.Core.Documents;
using KpuTriage.Core.Evaluation;
using KpuTriage.Core.Extraction;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Evaluation;

/// <summary>
/// Scoring a set labelled by others, as the real-letters set is: kinds of image, letters whose
/// number was filled in by hand, loose free-text fields, other codes for letter types and the
/// summary's coverage.
/// </summary>
public sealed class RealLetterScoringSpecs
{
    private static readonly LabelsFile Labels = LabelsFile.Parse(
        "file\tletterNumber\tsender\tperihal\tletterType\thandwrittenNumber\tnotes\n" +
        "01-scan.pdf\t005/0724\tSekretariat Daerah, Pemerintah Kabupaten Jepara\tUndangan Bintek PPID\tsurat_undangan\tyes\tall by hand\n" +
        "02-foto.jpg\tUND-12/WKN.03/KNL.03/2017\tDinas Kesehatan\tLaporan DAK\tsurat_dinas\tyes\t\n" +
        "03-teks.pdf\t050/0013\tBappeda Jepara\tLaporan Akhir Kegiatan DAK\tsurat_keputusan\tno\t\n" +
        "04-foto.jpg\t470/11889\tBupati Jepara\tSensus\tsurat_dinas\tyes\t\n");

    private static DocumentOutcome Outcome(string file, string kind, string number, double confidence, string summary = "") => new(
        file, Rendering.Pdf, "in_review", null,
        new Dictionary<string, string?> { ["letterNumber"] = number, ["sender"] = "Sekretariat Daerah Kabupaten Jepara", ["summary"] = summary },
        1.0, null, kind, new Dictionary<string, double> { ["letterNumber"] = confidence });

    private static readonly EvaluationReport Report = EvaluationReport.Build(
        Labels,
        [
            Outcome("01-scan.pdf", ImageKind.ScannedPdf, "005/0724", 0.9),
            Outcome("02-foto.jpg", ImageKind.Image, "UND-   /WKN.03/KNL.03/2017", 0.3),
            Outcome("03-teks.pdf", ImageKind.TextPdf, "050/0013", 0.9, "Bappeda mengundang rapat laporan kegiatan DAK akhir tahun."),
            Outcome("04-foto.jpg", ImageKind.Image, "470/11809", 0.9),
        ],
        [],
        TimeSpan.FromSeconds(4));

    [Fact]
    public void Should_score_each_kind_of_image_apart_when_outcomes_name_their_kind()
    {
        Assert.Equal([ImageKind.TextPdf, ImageKind.ScannedPdf, ImageKind.Image], Report.ByKind!.Keys);
        Assert.Equal(2, Report.ByKind[ImageKind.Image].Scores.Letters);
        Assert.Equal(0, Report.ByKind[ImageKind.Image].Scores.Fields["letterNumber"].Exact);
        Assert.Equal(1, Report.ByKind[ImageKind.TextPdf].Scores.Fields["letterNumber"].Exact);
    }

    [Fact]
    public void Should_count_a_marked_gap_with_the_printed_part_right_and_a_different_complete_number_as_invented()
    {
        var handwritten = Report.HandwrittenNumber!;
        Assert.Equal(3, handwritten.Scores.Letters);
        Assert.Equal(new HandwrittenNumberScore(3, 1, 1, 1), handwritten.HandwrittenNumbers);
        Assert.Equal(["handwrittenNumber", "notes"], Report.IgnoredColumns);
    }

    [Theory]
    [InlineData("UND-   /WKN.03/KNL.03/2017", "UND-12/WKN.03/KNL.03/2017", true)]
    [InlineData("050/", "050/0013", true)]
    [InlineData("445/   /RSUD/IV/2019", "445//RSUD/IV/2019", true)]
    [InlineData("005/   /2020", "005/0724", false)]
    [InlineData("005//2020", "005/0724/2020", true)]
    [InlineData("050/0013", "050/0013", false)]
    [InlineData("   ", "050/0013", false)]
    [InlineData("090/   /2020", "005/12/2020", false)]
    public void Should_match_a_gapped_number_only_when_its_printed_parts_are_the_labels(string proposed, string label, bool matches) =>
        Assert.Equal(matches, GapNumber.PrintedPartMatches(proposed, label));

    [Fact]
    public void Should_count_a_sender_named_loosely_as_right_by_word_overlap_but_not_exactly()
    {
        var sender = Report.ByKind![ImageKind.ScannedPdf].Scores.Fields["sender"];

        Assert.Equal(0, sender.Exact);
        Assert.Equal(1, sender.Loose);
        Assert.Null(Report.Summary.Scores.Fields["letterNumber"].Loose);
    }

    [Fact]
    public void Should_read_letter_types_labelled_with_the_form_word_as_the_taxonomys_codes()
    {
        var codes = Labels.WithValues("letterType", CategoryCodes.LetterTypes(ShippedTaxonomy.Taxonomy));

        Assert.Equal("undangan", codes.RowFor("01-scan.pdf")!.Expected["letterType"]);
        Assert.Equal("keputusan", codes.RowFor("03-teks.pdf")!.Expected["letterType"]);
        Assert.Equal("surat_dinas", codes.RowFor("02-foto.jpg")!.Expected["letterType"]);
        Assert.Equal("other", CategoryCodes.LetterTypes(ShippedTaxonomy.Taxonomy)("other"));
    }

    [Fact]
    public void Should_measure_the_summarys_coverage_of_the_labelled_content_words()
    {
        // "Laporan Akhir Kegiatan DAK": all four words are in the third letter's summary; the others have none.
        Assert.Equal(1.0, Report.ByKind![ImageKind.TextPdf].SummaryCoverage);
        Assert.Equal(0.25, Report.Summary.SummaryCoverage);
    }

    [Theory]
    [InlineData(DocumentKind.Pdf, ExtractionMethods.PdfText, ImageKind.TextPdf)]
    [InlineData(DocumentKind.Pdf, ExtractionMethods.Ocr, ImageKind.ScannedPdf)]
    [InlineData(DocumentKind.Pdf, ExtractionMethods.PdfTextAndOcr, ImageKind.ScannedPdf)]
    [InlineData(DocumentKind.Image, ExtractionMethods.Ocr, ImageKind.Image)]
    public void Should_tell_the_kind_of_image_by_how_the_text_was_read(DocumentKind kind, string method, string expected) =>
        Assert.Equal(expected, ImageKind.Of(kind, method));
}
