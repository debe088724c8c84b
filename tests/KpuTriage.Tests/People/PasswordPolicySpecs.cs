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
    [InlineData("siti", "meja-surat-masuk-2025")]
    [InlineData("admin", "admin-password-for-tests")]
    public void Should_accept_a_password_when_it_is_long_and_not_guessable(string userName, string password) =>
        Assert.Null(PasswordPolicy.Problem(userName, password));
}
