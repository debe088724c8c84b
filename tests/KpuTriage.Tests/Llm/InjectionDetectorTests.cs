using KpuTriage.Core.Llm;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Llm;

public sealed class InjectionDetectorTests
{
    [Fact]
    public void Should_keep_at_least_ten_injected_letters_in_the_corpus()
    {
        Assert.True(InjectionCorpus.Letters.Count >= 10, $"only {InjectionCorpus.Letters.Count} letters in Llm/Injection");
    }

    [Theory]
    [MemberData(nameof(InjectionCorpus.Names), MemberType = typeof(InjectionCorpus))]
    public void Should_flag_the_letter_when_it_speaks_to_the_AI(string name)
    {
        var text = InjectionCorpus.Letters.Single(l => l.Name == name).Text;

        Assert.NotEmpty(InjectionDetector.Scan(text));
    }

    [Theory]
    [InlineData(SampleLetters.KpuProvinsiUndangan)]
    [InlineData(SampleLetters.BawasluSuratDinas)]
    [InlineData(SampleLetters.PolresSangatRahasia)]
    [InlineData(SampleLetters.PermohonanInformasi)]
    [InlineData(SampleLetters.MultiLinePerihal)]
    [InlineData(SampleLetters.EnglishDate)]
    [InlineData(SampleLetters.NotaDinas)]
    [InlineData(SampleLetters.KeputusanDinsos)]
    [InlineData(SampleLetters.UndanganAtasNama)]
    [InlineData(SampleLetters.OcrNoise)]
    public void Should_not_flag_the_letter_when_it_is_an_ordinary_letter(string letter)
    {
        Assert.Empty(InjectionDetector.Scan(letter));
    }

    [Fact]
    public void Should_not_flag_the_pipeline_letter_when_it_is_an_ordinary_invitation()
    {
        Assert.Empty(InjectionDetector.Scan(Letters.Undangan(3)));
    }
}
