using KpuTriage.Core.Intake;

namespace KpuTriage.Tests.Intake;

public sealed class FileNamesSpecs
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData(@"C:\Users\tu\Surat Masuk\undangan.pdf", "undangan.pdf")]
    [InlineData("surat\u0000\u001b[31m.txt", "surat[31m.txt")]
    [InlineData(".htaccess", "htaccess")]
    [InlineData("", "document")]
    [InlineData(null, "document")]
    [InlineData("/", "document")]
    public void Should_keep_a_displayable_last_segment_when_the_name_comes_from_outside(string? given, string expected) =>
        Assert.Equal(expected, FileNames.Sanitize(given));

    [Fact]
    public void Should_cap_the_length_when_the_name_is_very_long()
    {
        var name = FileNames.Sanitize(new string('a', 1000) + ".pdf");

        Assert.True(name.Length <= 200);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }
}
