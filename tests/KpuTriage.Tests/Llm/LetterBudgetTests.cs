using KpuTriage.Core.Extraction;
using KpuTriage.Core.Llm;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Llm;

public sealed class LetterBudgetTests
{
    [Fact]
    public void Should_send_the_whole_letter_when_it_fits_the_budget()
    {
        var letter = new LetterBudget(6000).Fit([new ExtractedPage(1, SampleLetters.KpuProvinsiUndangan)]);

        Assert.Equal(0, letter.CutCharacters);
        Assert.Contains("Tembusan", letter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_the_header_and_the_tail_when_the_letter_is_too_long()
    {
        var annex = string.Join('\n', Enumerable.Range(1, 3000).Select(i => $"{i}. Nama Pemilih {i}, TPS {i % 40}, Desa Cibening"));
        var pages = new[]
        {
            new ExtractedPage(1, SampleLetters.BawasluSuratDinas),
            new ExtractedPage(2, annex),
            new ExtractedPage(3, "Demikian disampaikan.\nKetua Bawaslu,\nH. Ade Suryaman\nTembusan:\n1. Bawaslu Provinsi"),
        };

        var letter = new LetterBudget(1000).Fit(pages);

        Assert.True(letter.Tokens <= 1100, $"{letter.Tokens} tokens");
        Assert.True(letter.CutCharacters > 0);
        Assert.Contains("Nomor     : 180/BAWASLU-PROV.JA-01/PM.00.01/I/2020", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Tembusan:\n1. Bawaslu Provinsi", letter.Text, StringComparison.Ordinal);
        Assert.Contains("tidak dikirim", letter.Text, StringComparison.Ordinal);
    }
}
