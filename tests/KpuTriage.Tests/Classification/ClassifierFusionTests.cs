using KpuTriage.Core.Extraction;
using KpuTriage.Core.Triage;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Classification;

/// <summary>The local engine with the classifier trained on the shipped seed set, as a new office starts.</summary>
public sealed class ClassifierFusionTests
{
    private static readonly LocalEngine Engine = new(ShippedTaxonomy.Parser, ShippedTaxonomy.SeedTrained());

    private static Task<EngineProposal> ProposeAsync(string letter) =>
        Engine.ProposeAsync([new ExtractedPage(1, letter)], CancellationToken.None);

    [Fact]
    public async Task Should_name_the_classifier_model_on_the_proposal()
    {
        var proposal = await ProposeAsync(SampleLetters.KpuProvinsiUndangan);

        Assert.StartsWith("letter-parser+classifier-", proposal.Model, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_propose_a_unit_inside_the_proposed_register()
    {
        foreach (var letter in new[] { SampleLetters.KpuProvinsiUndangan, SampleLetters.BawasluSuratDinas })
        {
            var fields = (await ProposeAsync(letter)).Fields;

            var unit = ShippedTaxonomy.Taxonomy.Units.Single(u => u.Code == fields.Unit.Value);
            Assert.Equal(unit.Register, fields.Register.Value);
            Assert.InRange(fields.Unit.Confidence, 0.01, 1);
        }
    }

    [Fact]
    public async Task Should_take_the_archive_code_printed_in_a_kpu_number_with_its_quote()
    {
        var fields = (await ProposeAsync(SampleLetters.KpuProvinsiUndangan)).Fields;

        Assert.Equal("PL", fields.ArchiveCode.Value);
        Assert.Equal("PL.02", fields.ArchiveCode.Evidence?.Quote);
        Assert.False(fields.ArchiveCode.IsLowConfidence);
    }

    [Fact]
    public async Task Should_route_a_voter_data_request_from_bawaslu_to_the_commission()
    {
        var fields = (await ProposeAsync(SampleLetters.BawasluSuratDinas)).Fields;

        Assert.Equal("ketua", fields.Register.Value);
    }

    [Fact]
    public async Task Should_keep_a_printed_sifat_over_the_classifier()
    {
        var fields = (await ProposeAsync(SampleLetters.BawasluSuratDinas)).Fields;

        Assert.Equal("segera", fields.Urgency.Value);
        Assert.NotNull(fields.Urgency.Evidence);
    }

    [Fact]
    public async Task Should_summarise_in_sentences_of_the_letter()
    {
        var fields = (await ProposeAsync(SampleLetters.KpuProvinsiUndangan)).Fields;

        var summary = fields.Summary.Value;
        Assert.NotNull(summary);
        Assert.StartsWith("Dalam rangka persiapan pemutakhiran data pemilih berkelanjutan", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Demikian", summary, StringComparison.Ordinal);
        Assert.Equal(1, fields.Summary.Evidence?.Page);
    }
}
