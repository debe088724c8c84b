using KpuTriage.Core.People;

namespace KpuTriage.Tests.People;

public sealed class UserNamesSpecs
{
    [Theory]
    [InlineData("ADMIN", "admin")]
    [InlineData("Admin", "admin")]
    [InlineData("ａｄｍｉｎ", "admin")]
    [InlineData("  Siti  ", "siti")]
    [InlineData("Siti\u00A0Nur", "siti nur")]
    [InlineData("ÑOÑO", "ñoño")]
    [InlineData("N\u0303ono", "ñono")]
    public void Should_make_one_name_of_names_that_differ_only_by_case_width_or_composition(string userName, string normalised) =>
        Assert.Equal(normalised, UserNames.Normalize(userName));

    [Theory]
    [InlineData("admin\u200B")] // zero-width space
    [InlineData("ad\u200Dmin")] // zero-width joiner
    [InlineData("\uFEFFadmin")] // byte-order mark
    [InlineData("admin\0")] // NUL
    [InlineData("ad\u202Emin")] // right-to-left override
    [InlineData("ad\u2067min")] // right-to-left isolate
    [InlineData("ad\u200Fmin")] // right-to-left mark
    [InlineData("ad\u00ADmin")] // soft hyphen
    [InlineData("admin\u3164")] // Hangul filler, a blank letter
    [InlineData("ad\tmin")]
    [InlineData("ad\u2028min")] // line separator
    public void Should_refuse_a_name_that_holds_a_control_or_invisible_character(string userName) =>
        Assert.Equal("user-name-characters", UserNames.Problem(userName)?.Code);

    [Fact]
    public void Should_refuse_a_name_that_is_not_valid_unicode() =>
        Assert.Equal("user-name-characters", UserNames.Problem("ad" + (char)0xD800 + "min")?.Code);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u2003")]
    public void Should_refuse_an_empty_name(string userName) =>
        Assert.Equal("user-name-length", UserNames.Problem(userName)?.Code);

    [Fact]
    public void Should_refuse_a_name_longer_than_the_limit_once_normalised() =>
        Assert.Equal("user-name-length", UserNames.Problem(new string('\uFDFA', 10))?.Code);

    [Theory]
    [InlineData("siti")]
    [InlineData("budi.santoso")]
    [InlineData("Siti Nurhaliza")]
    [InlineData("dewi_2")]
    [InlineData("Ñoño")]
    [InlineData("agus@kpu-purwakarta.go.id")]
    public void Should_accept_an_ordinary_name(string userName) =>
        Assert.Null(UserNames.Problem(userName));
}
