using KpuTriage.Core.Extraction;

namespace KpuTriage.Tests.Triage;

public sealed class EvidenceTests
{
    [Fact]
    public void Should_quote_exactly_the_page_text_at_the_given_offset_when_any_field_is_found()
    {
        foreach (var letter in LetterTypeTests.AllSamples())
        {
            var fields = ShippedTaxonomy.Parser.Parse([new ExtractedPage(1, letter), new ExtractedPage(2, "Lampiran surat sebelumnya.")]);

            foreach (var (name, field) in fields.Named())
            {
                Assert.InRange(field.Confidence, 0, 1);
                if (field.Evidence is { } evidence)
                {
                    Assert.Equal(1, evidence.Page);
                    Assert.True(
                        letter.Substring(evidence.Start, evidence.Length) == evidence.Quote,
                        $"{name}: quote '{evidence.Quote}' is not the text at {evidence.Start}+{evidence.Length}");
                }
            }
        }
    }

    [Fact]
    public void Should_point_at_the_second_page_when_the_header_is_there()
    {
        var fields = ShippedTaxonomy.Parser.Parse(
        [
            new ExtractedPage(1, "LEMBAR DISPOSISI"),
            new ExtractedPage(2, SampleLetters.BawasluSuratDinas),
        ]);

        Assert.Equal(2, fields.LetterNumber.Evidence?.Page);
        Assert.Equal("180/BAWASLU-PROV.JA-01/PM.00.01/I/2020", fields.LetterNumber.Value);
    }

    [Fact]
    public void Should_keep_offsets_in_the_stored_text_when_lines_end_with_crlf()
    {
        var letter = SampleLetters.OcrNoise.Replace("\n", "\r\n", StringComparison.Ordinal);
        var fields = ShippedTaxonomy.Parse(letter);

        var evidence = fields.Perihal.Evidence!;
        Assert.Equal("Undangan Rapat Pleno Terbuka", fields.Perihal.Value);
        Assert.Equal(letter.Substring(evidence.Start, evidence.Length), evidence.Quote);
    }
}
