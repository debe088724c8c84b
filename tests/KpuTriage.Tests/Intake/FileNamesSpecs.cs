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
    [InlineData("undangan\u202Efdp.txt", "undanganfdp.txt")]
    [InlineData("\u202Bsurat\u202C\u2066.pdf\u2069", "surat.pdf")]
    [InlineData("sur\u200Bat\u200D\u2060\uFEFF.pdf", "surat.pdf")]
    [InlineData("surat\u061C\u200E\u200F.pdf", "surat.pdf")]
    [InlineData("baris\u2028dua\u2029.pdf", "barisdua.pdf")]
    [InlineData("\u202E\u200B", "document")]
    [InlineData("Undangan Rapat – 17 Maret.pdf", "Undangan Rapat – 17 Maret.pdf")]
    public void Should_keep_a_displayable_last_segment_when_the_name_comes_from_outside(string? given, string expected) =>
        Assert.Equal(expected, FileNames.Sanitize(given));

    [Fact]
    public void Should_cap_the_length_when_the_name_is_very_long()
    {
        var name = FileNames.Sanitize(new string('a', 1000) + ".pdf");

        Assert.True(name.Length <= 200);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_split_a_surrogate_pair_when_the_name_is_cut()
    {
        var name = FileNames.Sanitize(string.Concat(Enumerable.Repeat("\U0001F4C4", 300)) + ".pdf");

        Assert.True(name.Length <= 200);
        Assert.DoesNotContain(name.EnumerateRunes(), r => r == System.Text.Rune.ReplacementChar);
        Assert.True(System.Text.Unicode.Utf8.FromUtf16(name, new byte[name.Length * 3], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done);
    }
}
