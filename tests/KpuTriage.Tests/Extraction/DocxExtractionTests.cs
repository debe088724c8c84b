using System.IO.Compression;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;
using KpuTriage.Tests.Triage;
using static KpuTriage.Tests.Extraction.TestDocx;

namespace KpuTriage.Tests.Extraction;

public sealed class DocxExtractionTests
{
    private static async Task<ExtractionResult> ExtractAsync(byte[] docx, TextExtractorOptions? options = null)
    {
        using var extractor = new TextExtractor(options ?? new TextExtractorOptions());
        // Far above what any of these takes; only stops a run that has lost its way.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await extractor.ExtractAsync(new MemoryStream(docx), DocumentKind.Docx, guard.Token);
    }

    [Fact]
    public async Task Should_split_pages_at_the_page_break_when_a_docx_has_one()
    {
        var result = await ExtractAsync(Build(
        [
            Paragraph("Surat Undangan"),
            Paragraph("Dengan hormat,"),
            PageBreak(),
            Paragraph("Lampiran: daftar peserta rapat"),
        ]));

        Assert.Null(result.ManualTriageReason);
        Assert.Equal("docx", result.Method);
        Assert.Equal([1, 2], result.Pages.Select(p => p.Number));
        Assert.Equal("Surat Undangan\nDengan hormat,", result.Pages[0].Text);
        Assert.Equal("Lampiran: daftar peserta rapat", result.Pages[1].Text);
    }

    [Fact]
    public async Task Should_split_inside_a_paragraph_when_the_page_break_sits_between_its_runs()
    {
        var paragraph = new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
            new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("akhir halaman satu")),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Break { Type = DocumentFormat.OpenXml.Wordprocessing.BreakValues.Page }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("awal halaman dua")));

        var result = await ExtractAsync(Build([paragraph]));

        Assert.Equal(["akhir halaman satu", "awal halaman dua"], result.Pages.Select(p => p.Text));
    }

    [Fact]
    public async Task Should_put_label_and_value_on_one_line_when_the_header_is_a_table()
    {
        var result = await ExtractAsync(Build(
        [
            Table(
                Row(["Nomor"], [":"], ["1/PP.01.1-SD/5304/1/2025"], ["Purwakarta, 12 Maret 2025"]),
                Row(["Hal"], [":"], ["Undangan Rapat Koordinasi", "Pemutakhiran Data Pemilih"], [])),
            Paragraph("Dengan hormat,"),
        ]));

        Assert.Equal(
            "Nomor\t:\t1/PP.01.1-SD/5304/1/2025\tPurwakarta, 12 Maret 2025\n"
            + "Hal\t:\tUndangan Rapat Koordinasi\n"
            + "\t\tPemutakhiran Data Pemilih\n"
            + "Dengan hormat,",
            result.Pages[0].Text);

        var fields = ShippedTaxonomy.Parser.Parse(result.Pages);
        Assert.Equal("1/PP.01.1-SD/5304/1/2025", fields.LetterNumber.Value);
        Assert.Equal("2025-03-12", fields.LetterDate.Value);
        Assert.Equal("Undangan Rapat Koordinasi Pemutakhiran Data Pemilih", fields.Perihal.Value);
        Assert.False(fields.Perihal.IsLowConfidence);
    }

    [Fact]
    public async Task Should_put_the_kop_from_the_page_header_first_when_the_template_keeps_it_there()
    {
        var docx = Build(
            [Paragraph("Nomor : 3/PL.01-SD/3214/2025"), Paragraph("Hal : Pemberitahuan Jadwal")],
            "KOMISI PEMILIHAN UMUM",
            "KABUPATEN PURWAKARTA");

        var result = await ExtractAsync(docx);
        var fields = ShippedTaxonomy.Parser.Parse(result.Pages);

        Assert.StartsWith("KOMISI PEMILIHAN UMUM\nKABUPATEN PURWAKARTA\nNomor", result.Pages[0].Text, StringComparison.Ordinal);
        Assert.Equal("KOMISI PEMILIHAN UMUM KABUPATEN PURWAKARTA", fields.Sender.Value);
        Assert.Equal("3/PL.01-SD/3214/2025", fields.LetterNumber.Value);
        Assert.Equal("Pemberitahuan Jadwal", fields.Perihal.Value);
    }

    [Fact]
    public async Task Should_say_corrupt_docx_when_the_bytes_are_not_a_package()
    {
        var result = await ExtractAsync("PK\u0003\u0004 but then nothing a zip reader wants"u8.ToArray());

        Assert.StartsWith("corrupt DOCX: ", result.ManualTriageReason, StringComparison.Ordinal);
        Assert.Equal("docx", result.Method);
    }

    [Fact]
    public async Task Should_say_corrupt_docx_when_a_zip_holds_no_word_document()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("surat.txt").Open());
            entry.Write("Nomor : 1/PP.01.1-SD/5304/1/2025");
        }

        var result = await ExtractAsync(zip.ToArray());

        Assert.StartsWith("corrupt DOCX: ", result.ManualTriageReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_no_text_layer_when_the_docx_has_no_text()
    {
        var result = await ExtractAsync(Build([Paragraph("   "), PageBreak()]));

        Assert.Equal(ExtractionReasons.NoTextLayer, result.ManualTriageReason);
    }

    [Fact]
    public async Task Should_refuse_as_a_decompression_bomb_before_opening_when_document_xml_inflates_past_the_limit()
    {
        var result = await ExtractAsync(WithWhitespace(4L << 20), new TextExtractorOptions { MaxUncompressedBytes = 1L << 20 });

        Assert.Equal(
            "decompression bomb: the parts up to word/document.xml inflate to over 1048576 bytes (Extraction:MaxUncompressedBytes)",
            result.ManualTriageReason);
        Assert.Empty(result.Pages);
    }

    [Fact]
    public async Task Should_refuse_a_gigabyte_of_xml_at_the_default_limit_when_the_file_is_a_megabyte()
    {
        var docx = WithWhitespace(1L << 30);

        var result = await ExtractAsync(docx);

        Assert.InRange(docx.Length, 1, 2 << 20);
        Assert.StartsWith(ExtractionReasons.DecompressionBombPrefix, result.ManualTriageReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_read_the_docx_when_its_parts_fit_the_limit()
    {
        var result = await ExtractAsync(WithWhitespace(512 * 1024), new TextExtractorOptions { MaxUncompressedBytes = 1L << 20 });

        Assert.Null(result.ManualTriageReason);
        Assert.Equal("Nomor : 1/PP.01.1-SD/5304/1/2025", Assert.Single(result.Pages).Text);
    }

    [Fact]
    public async Task Should_never_inflate_past_the_claimed_size_when_the_zip_headers_understate_it()
    {
        // 64 MB of XML whose headers claim 1000 bytes: the zip reader stops at the claim, so
        // the package reads as cut off, not as 64 MB.
        var docx = WithClaimedSize(WithWhitespace(64L << 20), "word/document.xml", 1000);

        var result = await ExtractAsync(docx, new TextExtractorOptions { MaxUncompressedBytes = 8L << 20 });

        Assert.StartsWith("corrupt DOCX: ", result.ManualTriageReason, StringComparison.Ordinal);
        Assert.Empty(result.Pages);
    }

    [Fact]
    public async Task Should_refuse_before_opening_when_the_package_has_more_than_10000_entries()
    {
        var docx = WithEmptyEntries(Build([Paragraph("Nomor : 1/PP.01.1-SD/5304/1/2025")]), 10_000);

        var result = await ExtractAsync(docx);

        Assert.StartsWith("document too large: 100", result.ManualTriageReason, StringComparison.Ordinal);
        Assert.Contains("entries in the package", result.ManualTriageReason, StringComparison.Ordinal);
    }
}
