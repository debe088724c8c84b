using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Review;

/// <summary>
/// Free text in decisions is bounded: every field a decision carries has a length limit
/// (refused with code too-long in the API and in the Desk), the decision API's body is
/// bounded, and a hostile letter that makes the machine propose a huge value can still be
/// approved as proposed. Run once per storage provider.
/// </summary>
public abstract class DecisionTextSpecs : DeskOnEachStorage
{
    private const int Limit = 400;
    private const int SummaryLimit = 2000;

    [Fact]
    public async Task Should_refuse_each_free_text_over_its_limit_with_the_too_long_code_and_take_one_at_the_limit()
    {
        var id = await Desk.SubmitForReviewAsync("biasa.txt", DecisionCalls.Letter("Biasa", "Permohonan Data Pemilih"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        var tooLong = new Dictionary<string, string>(StringComparer.Ordinal) { ["perihal"] = Text(Limit + 1), ["sender"] = Text(Limit + 1), ["letterNumber"] = Text(Limit + 1), ["summary"] = Text(SummaryLimit + 1), ["urgency"] = Text(50_000) };

        var refused = new List<(HttpStatusCode, string?, string)>();
        foreach (var (field, value) in tooLong)
        {
            var answer = await siti.DecideAsync(id, new { action = "approve_with_corrections", corrections = new Dictionary<string, string> { [field] = value } });
            refused.Add((answer.Status, answer.Body.Code(), answer.Body.GetProperty("detail").GetString()!));
        }

        var note = await siti.DecideAsync(id, new { action = "approve", disposition = new { note = Text(Limit + 1) } });
        var reason = await siti.DecideAsync(id, new { action = "reject", reason = Text(Limit + 1) });
        var atLimit = await siti.DecideAsync(id, new { action = "approve_with_corrections", corrections = new { perihal = Text(Limit), summary = Text(SummaryLimit) } });

        Assert.All(refused, r => Assert.Equal((HttpStatusCode.BadRequest, "too-long"), (r.Item1, r.Item2)));
        Assert.All(refused, r => Assert.True(r.Item3.Length < 200, $"the refusal echoes the value: {r.Item3.Length} characters"));
        Assert.Contains("perihal is longer than 400 characters", refused[0].Item3, StringComparison.Ordinal);
        Assert.Contains("summary is longer than 2000 characters", refused[3].Item3, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "too-long"), (note.Status, note.Body.Code()));
        Assert.Equal((HttpStatusCode.BadRequest, "too-long"), (reason.Status, reason.Body.Code()));
        Assert.Equal(HttpStatusCode.OK, atLimit.Status);
        var entry = await Desk.QueryAsync(db => db.Register.AsNoTracking().FirstAsync(e => e.DocumentId == id));
        Assert.Equal((Limit, SummaryLimit), (entry.Perihal.Length, entry.Summary!.Length));
    }

    [Fact]
    public async Task Should_refuse_a_long_perihal_in_the_desk_in_indonesian_and_limit_every_free_text_input()
    {
        var id = await Desk.SubmitForReviewAsync("biasa.txt", DecisionCalls.Letter("Biasa", "Permohonan Data Pemilih"));
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);

        var page = await siti.GetStringAsync($"/item/{id}");
        using var refused = await DeskSession.PostFormAsync(siti, $"/item/{id}?handler=Approve", new Dictionary<string, string> { ["Values[perihal]"] = Text(Limit + 1) }, formPage: $"/item/{id}");

        Assert.Contains("id=\"f-perihal\" name=\"Values[perihal]\" rows=\"2\" maxlength=\"400\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"f-summary\" name=\"Values[summary]\" rows=\"3\" maxlength=\"2000\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"f-sender\" name=\"Values[sender]\" maxlength=\"400\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Note\" rows=\"2\" maxlength=\"400\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Reason\" id=\"reason\" maxlength=\"400\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Perihal lebih dari 400 karakter", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_413_when_a_decision_body_is_larger_than_the_limit()
    {
        var id = await Desk.SubmitForReviewAsync("biasa.txt", DecisionCalls.Letter("Biasa", "Permohonan Data Pemilih"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        var body = JsonSerializer.Serialize(new { action = "approve_with_corrections", corrections = new { perihal = Text(300 * 1024) } });

        using var huge = await siti.PostAsync($"/api/v1/review/{id}/decision", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("request-too-large", (await huge.Content.ReadFromJsonAsync<JsonElement>()).Code());
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_refuse_a_desk_decision_form_larger_than_the_limit_before_reading_it()
    {
        var id = await Desk.SubmitForReviewAsync("biasa.txt", DecisionCalls.Letter("Biasa", "Permohonan Data Pemilih"));
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);

        using var huge = await DeskSession.PostFormAsync(
            siti, $"/item/{id}?handler=Approve", new Dictionary<string, string> { ["Values[perihal]"] = Text(300 * 1024) }, formPage: $"/item/{id}");

        // Cut off while anti-forgery reads it (400), so no page ever parsed the form: a form
        // that was parsed would come back as the page with the too-long refusal.
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"answered {huge.StatusCode}");
        Assert.DoesNotContain("id=\"decision\"", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_stop_reading_and_commit_nothing_when_a_decision_streams_megabytes()
    {
        var id = await Desk.SubmitForReviewAsync("biasa.txt", DecisionCalls.Letter("Biasa", "Permohonan Data Pemilih"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);

        // Sent chunked, with no length announced: the server cuts it off at its limit, by a 413
        // or, with megabytes still coming, by closing the connection.
        HttpStatusCode? answered;
        try
        {
            answered = (await siti.DecideAsync(id, new { action = "approve_with_corrections", corrections = new { perihal = Text(10_000_000) } })).Status;
        }
        catch (HttpRequestException)
        {
            answered = null;
        }

        Assert.True(answered is null or HttpStatusCode.RequestEntityTooLarge, $"answered {answered}");
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_refuse_a_control_character_in_free_text()
    {
        var id = await Desk.SubmitForReviewAsync("biasa.txt", DecisionCalls.Letter("Biasa", "Permohonan Data Pemilih"));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);

        var nul = await siti.DecideAsync(id, new { action = "approve_with_corrections", corrections = new { perihal = "Rapat\u0000Pleno" } });

        Assert.Equal((HttpStatusCode.BadRequest, "invalid-character"), (nul.Status, nul.Body.Code()));
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_approve_as_proposed_a_letter_whose_perihal_is_longer_than_the_limit()
    {
        var hal = string.Join(' ', Enumerable.Repeat("Permohonan Klarifikasi Data Pemilih Ganda", 200));
        var id = await Desk.SubmitForReviewAsync("panjang.txt", DecisionCalls.Letter("Biasa", hal));
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);

        var proposal = (await Desk.DocumentAsync(id)).GetProperty("proposal");
        var approved = await siti.DecideAsync(id, new { action = "approve" });

        var perihal = proposal.GetProperty("fields").GetProperty("perihal");
        Assert.Equal(Limit, perihal.GetProperty("value").GetString()!.Length);
        Assert.EndsWith("…", perihal.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.True(perihal.GetProperty("lowConfidence").GetBoolean());
        Assert.Contains(proposal.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("perihal:", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        var entry = await Desk.QueryAsync(db => db.Register.AsNoTracking().FirstAsync(e => e.DocumentId == id));
        Assert.Equal(Limit, entry.Perihal.Length);
    }

    private static string Text(int length)
    {
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append("Rapat pleno ");
        }

        return text.ToString(0, length).TrimEnd().PadRight(length, 'x');
    }
}
