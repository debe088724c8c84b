using KpuTriage.Core.Evaluation;

namespace KpuTriage.Tests.Evaluation;

public sealed class FieldComparisonSpecs
{
    [Theory]
    [InlineData("270/PL.02.1-Und/3214/2025", "270 /PL.02.1-Und/ 3214/2025")]
    [InlineData("270/PL.02.1-Und/3214/2025", "270/PL.02.1 - Und/3214/2025")]
    [InlineData("UND-62/WKN.03/2017", "und-62/wkn.03/2017.")]
    [InlineData("B/412/III/2025/Reskrim", "\"B/412/III/2025/Reskrim\"")]
    public void Should_match_a_letter_number_normalised_but_not_exactly_when_only_spacing_case_or_edge_punctuation_differ(string expected, string proposed)
    {
        var outcome = FieldComparison.Compare("letterNumber", expected, proposed);

        Assert.False(outcome.Exact);
        Assert.True(outcome.Normalised);
    }

    [Fact]
    public void Should_keep_spaces_around_slashes_outside_letter_numbers()
    {
        var outcome = FieldComparison.Compare("perihal", "Data DPT / DPS", "Data DPT/DPS");

        Assert.False(outcome.Normalised);
    }

    [Fact]
    public void Should_match_exactly_after_trimming_the_ends()
    {
        var outcome = FieldComparison.Compare("sender", "BAWASLU KABUPATEN PURWAKARTA", "  BAWASLU KABUPATEN PURWAKARTA\n");

        Assert.True(outcome.Exact);
        Assert.Equal("BAWASLU KABUPATEN PURWAKARTA", outcome.Proposed);
    }

    [Fact]
    public void Should_not_match_when_the_words_differ()
    {
        var outcome = FieldComparison.Compare("perihal", "Permintaan Data Daftar Pemilih Tetap", "Permintaan Data Daftar Pemilih");

        Assert.False(outcome.Exact);
        Assert.False(outcome.Normalised);
    }

    [Fact]
    public void Should_match_when_the_letter_has_none_and_nothing_was_proposed()
    {
        var outcome = FieldComparison.Compare("letterNumber", "", null);

        Assert.True(outcome.Exact);
        Assert.True(outcome.Normalised);
    }

    [Fact]
    public void Should_not_match_when_the_letter_has_none_but_a_value_was_proposed()
    {
        var outcome = FieldComparison.Compare("perihal", "", "Keberatan");

        Assert.False(outcome.Exact);
        Assert.False(outcome.Normalised);
    }
}
