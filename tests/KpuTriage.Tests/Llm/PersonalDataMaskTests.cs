using KpuTriage.Core.Llm;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Llm;

public sealed class PersonalDataMaskTests
{
    [Fact]
    public void Should_replace_nik_and_phone_with_placeholders_when_masking()
    {
        var mask = PersonalDataMask.Apply(SampleLetters.PermohonanInformasi);

        Assert.DoesNotContain("3214015208900003", mask.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0812-2345-6789", mask.Text, StringComparison.Ordinal);
        Assert.Contains("[NIK-1]", mask.Text, StringComparison.Ordinal);
        Assert.Contains("[TELEPON-1]", mask.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_one_placeholder_when_the_same_nik_appears_twice()
    {
        var mask = PersonalDataMask.Apply("NIK 3214015208900003, sekali lagi: 3214 0152 0890 0003.");

        Assert.Equal(1, mask.Count);
        Assert.Equal("NIK [NIK-1], sekali lagi: [NIK-1].", mask.Text);
    }

    [Fact]
    public void Should_restore_the_original_when_the_answer_quotes_a_placeholder()
    {
        var mask = PersonalDataMask.Apply(SampleLetters.PermohonanInformasi);

        Assert.Equal("NIK        : 3214015208900003", mask.Restore("NIK        : [NIK-1]"));
    }
}
