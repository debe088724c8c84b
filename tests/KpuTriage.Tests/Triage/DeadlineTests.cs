namespace KpuTriage.Tests.Triage;

public sealed class DeadlineTests
{
    [Fact]
    public void Should_read_the_iso_date_when_paling_lambat_names_a_date()
    {
        var deadline = ShippedTaxonomy.Parse(SampleLetters.BawasluSuratDinas).Deadline;

        Assert.Equal("2020-01-20", deadline.Value);
        Assert.Equal("paling lambat tanggal 20 Januari 2020", deadline.Evidence?.Quote);
        Assert.False(deadline.IsLowConfidence);
    }

    [Fact]
    public void Should_read_the_date_when_the_phrase_wraps_onto_the_next_line()
    {
        var deadline = ShippedTaxonomy.Parse("Mohon dikirim selambat-lambatnya\nJumat, 21 Maret 2025.").Deadline;

        Assert.Equal("2025-03-21", deadline.Value);
    }

    [Fact]
    public void Should_propose_the_phrase_at_low_confidence_when_the_deadline_counts_working_days()
    {
        var deadline = ShippedTaxonomy.Parse(SampleLetters.UndanganOcr).Deadline;

        Assert.Equal("selambat-lambatnya 3 (tiga) hari kerja", deadline.Value);
        Assert.True(deadline.IsLowConfidence);
    }

    [Fact]
    public void Should_be_missing_with_zero_confidence_when_the_letter_sets_no_deadline()
    {
        var deadline = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan).Deadline;

        Assert.Null(deadline.Value);
        Assert.Equal(0, deadline.Confidence);
    }
}
