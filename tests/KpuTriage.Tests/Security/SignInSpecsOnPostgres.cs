using System.Net;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Security;

public sealed class SignInSpecsOnPostgres : SignInSpecs
{
    protected override bool UsePostgres => true;

    [Fact]
    public async Task Should_refuse_the_right_password_on_every_replica_when_the_failures_were_made_on_another()
    {
        var settings = new Dictionary<string, string> { ["Auth:AccountFailureLimit"] = "5" };
        var first = await StartDeskAsync(settings);
        var second = await StartDeskAsync(settings);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await RequestTokenAsync(attempt % 2 == 0 ? first : second, Desk.ClerkName, "tebakan-ke-" + attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var onFirst = await RequestTokenAsync(first, Desk.ClerkName, Desk.PeoplePassword);
        using var onSecond = await RequestTokenAsync(second, Desk.ClerkName, Desk.PeoplePassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, onFirst.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, onSecond.StatusCode);
    }
}
