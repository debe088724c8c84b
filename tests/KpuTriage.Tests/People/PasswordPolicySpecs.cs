using KpuTriage.Core.People;

namespace KpuTriage.Tests.People;

public sealed class PasswordPolicySpecs
{
    [Theory]
    [InlineData("siti", "pendek")]
    [InlineData("siti", "123456789")]
    [InlineData("sitinurhaliza", "SitiNurhaliza")]
    [InlineData("admin", "admin12345")]
    [InlineData("budi", "password123")]
    [InlineData("budi", "Qwertyuiop")]
    public void Should_refuse_a_password_when_it_is_short_the_user_name_or_common(string userName, string password) =>
        Assert.NotNull(PasswordPolicy.Problem(userName, password));

    [Theory]
    [InlineData("aaaaaaaaaa", "password-repeated")]
    [InlineData("          ", "password-repeated")]
    [InlineData("abcabcabcabc", "password-sequence")]
    [InlineData("1234567891", "password-common")]
    [InlineData("9876543210", "password-sequence")]
    [InlineData("abcdefghijk", "password-sequence")]
    [InlineData("qwertyuiop[]", "password-sequence")]
    [InlineData("Password1!", "password-common")]
    [InlineData("P@ssw0rd2024", "password-common")]
    [InlineData("iloveyou12", "password-common")]
    [InlineData("sunshine2024", "password-common")]
    [InlineData("trustno1trustno1", "password-common")]
    [InlineData("pemilu2024!", "password-common")]
    [InlineData("Bismillah123", "password-common")]
    [InlineData("kpupurwakarta", "password-common")]
    public void Should_refuse_a_password_made_of_a_common_word_repetition_or_sequence(string password, string code) =>
        Assert.Equal(code, PasswordPolicy.Problem("dewi", password)?.Code);

    [Fact]
    public void Should_know_the_ten_thousand_most_common_passwords_when_they_reach_the_minimum_length()
    {
        // The frequency list zxcvbn ships (from leaked password sets, most common first).
        using var list = typeof(Zxcvbn.Zxcvbn).Assembly.GetManifestResourceStream("zxcvbn-core.Dictionaries.passwords.lst")!;
        var common = new StreamReader(list).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var refused = common.Take(10_000).Where(p => p.Length >= PasswordPolicy.MinLength).ToList();

        Assert.NotEmpty(refused);
        Assert.All(refused, p => Assert.NotNull(PasswordPolicy.Problem("dewi", p)));
    }

    [Theory]
    [InlineData("siti", "meja-surat-masuk-2025")]
    [InlineData("admin", "admin-password-for-tests")]
    [InlineData("siti", "meja-surat-untuk-uji")]
    [InlineData("dewi", "kata-sandi-dewi-2025")]
    [InlineData("budi", "correct horse battery staple")]
    [InlineData("budi", "Xk9#mPq2vL")]
    public void Should_accept_a_password_when_it_is_long_and_not_guessable(string userName, string password) =>
        Assert.Null(PasswordPolicy.Problem(userName, password));
}
