using KpuTriage.Core.Extraction;
using KpuTriage.Core.Triage;

namespace KpuTriage.Tests.Triage;

public sealed class LocalEngineTests
{
    // The parser alone, as when no classifier could be trained: the rules' own warnings show.
    private static readonly LocalEngine Engine = new(ShippedTaxonomy.Parser, ShippedTaxonomy.NoClassifier());

    [Fact]
    public async Task Should_sign_the_proposal_with_the_taxonomy_hash_when_it_proposes()
    {
        var proposal = await Engine.ProposeAsync([new ExtractedPage(1, SampleLetters.KpuProvinsiUndangan)], CancellationToken.None);

        Assert.Equal("local", proposal.Engine);
        Assert.Equal("letter-parser", proposal.Model);
        Assert.Matches("^taxonomy:[0-9a-f]{12}$", proposal.PromptVersion);
        Assert.Equal("taxonomy:" + ShippedTaxonomy.Taxonomy.Version, proposal.PromptVersion);
        Assert.Null(proposal.ManualTriageReason);
        Assert.Equal("270/PL.02.1-Und/32/2025", proposal.Fields.LetterNumber.Value);
    }

    [Fact]
    public async Task Should_warn_only_about_routing_when_the_parser_reads_every_header_field_confidently()
    {
        var proposal = await Engine.ProposeAsync([new ExtractedPage(1, SampleLetters.KpuProvinsiUndangan)], CancellationToken.None);

        // Without a classifier nothing proposes where the letter goes: the clerk must be told.
        Assert.Equal(["register: not found", "unit: not found", "archiveCode: not found"], proposal.Warnings);
    }

    [Fact]
    public async Task Should_warn_in_plain_words_when_fields_are_missing_or_assumed()
    {
        var proposal = await Engine.ProposeAsync(
            [new ExtractedPage(1, "Dengan hormat,\nkami mohon informasi jadwal pelantikan anggota PPK.")],
            CancellationToken.None);

        Assert.Contains("perihal: not found", proposal.Warnings);
        Assert.Contains("letterNumber: not found", proposal.Warnings);
        Assert.Contains(proposal.Warnings, w => w.StartsWith("urgency: the letter prints no Sifat", StringComparison.Ordinal));
        Assert.Null(proposal.ManualTriageReason);
    }

    [Fact]
    public async Task Should_not_warn_about_optional_fields_when_the_letter_has_no_tembusan_or_event()
    {
        var proposal = await Engine.ProposeAsync([new ExtractedPage(1, SampleLetters.PolresSangatRahasia)], CancellationToken.None);

        Assert.DoesNotContain(proposal.Warnings, w => w.StartsWith("tembusan", StringComparison.Ordinal) || w.StartsWith("event", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_warn_about_the_blank_day_when_the_date_is_a_placeholder()
    {
        var proposal = await Engine.ProposeAsync([new ExtractedPage(1, SampleLetters.BlankDay)], CancellationToken.None);

        Assert.Contains(proposal.Warnings, w => w.StartsWith("letterDate:", StringComparison.Ordinal) && w.Contains("blank", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("Hal. 2 / 3 ~ ,")]
    public async Task Should_ask_for_manual_triage_when_the_pages_hold_no_readable_text(string text)
    {
        var proposal = await Engine.ProposeAsync([new ExtractedPage(1, text)], CancellationToken.None);

        Assert.Equal("no readable text", proposal.ManualTriageReason);
        Assert.Null(proposal.Fields.Perihal.Value);
    }

    [Fact]
    public async Task Should_stop_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Engine.ProposeAsync([new ExtractedPage(1, SampleLetters.NotaDinas)], cancelled.Token));
    }

    [Fact]
    public async Task Should_mark_values_from_a_doubtful_ocr_page_uncertain_and_name_the_page()
    {
        var clean = await Engine.ProposeAsync([new ExtractedPage(1, SampleLetters.KpuProvinsiUndangan, OcrConfidence: 91)], CancellationToken.None);
        var doubtful = await Engine.ProposeAsync([new ExtractedPage(1, SampleLetters.KpuProvinsiUndangan, OcrConfidence: 55)], CancellationToken.None);

        Assert.False(clean.Fields.LetterNumber.IsLowConfidence);
        Assert.Equal(clean.Fields.LetterNumber.Value, doubtful.Fields.LetterNumber.Value);
        Assert.True(doubtful.Fields.LetterNumber.IsLowConfidence);
        Assert.True(doubtful.Fields.Perihal.IsLowConfidence);
        Assert.StartsWith("page 1: read by OCR with confidence 55", doubtful.Warnings[0], StringComparison.Ordinal);
        Assert.DoesNotContain(clean.Warnings, w => w.StartsWith("page 1", StringComparison.Ordinal));
    }
}
