using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KpuTriage.Core.Review;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Review;

/// <summary>
/// Four eyes as the Desk's form posts meet it: the page offers what the decision service
/// allows (both ask Core), a lowered security waits for a supervisor, and a co-approval posted
/// from a page that showed something else is refused. Run once per storage provider.
/// </summary>
public abstract class FourEyesDeskSpecs : DeskOnEachStorage
{

    [Fact]
    public async Task Should_grey_out_reject_and_send_back_for_a_clerk_on_a_rahasia_letter_and_refuse_the_form_post()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await DeskSession.SignInAsync(Desk, Desk.SupervisorName, Desk.PeoplePassword);

        var clerkPage = await siti.GetStringAsync($"/item/{id}");
        using var rejected = await DeskSession.PostFormAsync(siti, $"/item/{id}?handler=Reject", new Dictionary<string, string> { ["Reason"] = "bukan surat" }, formPage: $"/item/{id}");
        var supervisorPage = await budi.GetStringAsync($"/item/{id}");

        Assert.Matches(DisabledButton("reject"), clerkPage);
        Assert.Matches(DisabledButton("send-back"), clerkPage);
        Assert.Contains("id=\"close-blocked\"", clerkPage, StringComparison.Ordinal);
        Assert.Contains("id=\"four-eyes-note\"", clerkPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, rejected.StatusCode);
        Assert.Contains("hanya supervisor yang boleh menolak", WebUtility.HtmlDecode(await rejected.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotMatch(DisabledButton("reject"), supervisorPage);
        Assert.Equal(ReviewState.Open, await StateAsync(id));
    }

    [Fact]
    public async Task Should_send_a_lowered_rahasia_letter_from_the_desk_to_a_supervisor_instead_of_committing_it()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);

        var page = await siti.GetStringAsync($"/item/{id}");
        using var approved = await DeskSession.PostFormAsync(siti, $"/item/{id}?handler=Approve", new Dictionary<string, string> { ["Values[security]"] = "biasa" }, formPage: $"/item/{id}");

        Assert.Contains("id=\"lowering-note\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ReviewState.AwaitingCoApproval, await StateAsync(id));
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
        using var budi = await DeskSession.SignInAsync(Desk, Desk.SupervisorName, Desk.PeoplePassword);
        var coApproverPage = WebUtility.HtmlDecode(await budi.GetStringAsync($"/item/{id}"));
        Assert.Contains("menurunkan keamanan dari Rahasia ke Biasa", coApproverPage, StringComparison.Ordinal);
        Assert.Contains("Usulan mesin: Rahasia", coApproverPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_desk_co_approval_of_a_first_approval_the_supervisor_did_not_see()
    {
        var id = await Desk.SubmitForReviewAsync("rahasia.txt", DecisionCalls.Letter("Rahasia", "Klarifikasi Data Pemilih Ganda"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await DeskSession.SignInAsync(Desk, Desk.SupervisorName, Desk.PeoplePassword);
        var seen = (await budi.GetFromJsonAsync<JsonElement>($"/api/v1/review/{id}")).GetProperty("version").GetInt32();

        await siti.DecideAsync(id, new { action = "approve_with_corrections", corrections = new { security = "biasa" } });
        using var blind = await DeskSession.PostFormAsync(
            budi, $"/item/{id}?handler=Approve", new Dictionary<string, string> { ["Version"] = seen.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: $"/item/{id}");

        Assert.Equal(HttpStatusCode.Conflict, blind.StatusCode);
        Assert.Contains("berubah sejak Anda membukanya", WebUtility.HtmlDecode(await blind.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    private Task<ReviewState> StateAsync(Guid id) =>
        Desk.QueryAsync(db => db.ReviewItems.AsNoTracking().Where(i => i.DocumentId == id).Select(i => i.State).FirstAsync());

    private static Regex DisabledButton(string id) => new($"<button[^>]*id=\"{id}\"[^>]*disabled", RegexOptions.None, TimeSpan.FromSeconds(1));
}
