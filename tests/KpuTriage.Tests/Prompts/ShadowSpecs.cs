using System.Net.Http.Json;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Refusals;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Tests.Llm;
using KpuTriage.Tests.Triage;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Prompts;

/// <summary>
/// A draft in shadow on live letters: a real desk whose connector talks to <see cref="FakeOpenAi"/>,
/// which routes a letter to one unit under the active prompt and to another under the draft.
/// </summary>
public sealed class ShadowSpecs : IAsyncLifetime
{
    private const string Marker = "SHADOW-DRAFT-MARKER";
    private readonly TempDirectory data = new();
    private FakeOpenAi fake = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeOpenAi.StartAsync();
        fake.Default = request => FakeReply.Answer(request.Body.Contains(Marker, StringComparison.Ordinal)
            ? FakeAnswers.Valid(("unit", "subbag_rendatin", null))
            : FakeAnswers.Valid(("unit", "subbag_kul", null)));
    }

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        data.Dispose();
    }

    private Task<Desk> StartAsync() => LlmDesk.StartAsync(data, LlmDesk.Merge(
        LlmDesk.Provider("kantor", fake, ProviderLocations.OnPremises),
        new() { ["Prompts:ShadowInterval"] = "00:00:01", ["Prompts:Directory"] = PromptDesk.Shipped }));

    [Fact]
    public async Task Should_store_shadow_proposals_apart_and_never_show_them_to_clerks()
    {
        await using var desk = await StartAsync();
        var draft = await desk.WithVersionsAsync(async v =>
        {
            var made = await v.CreateDraftAsync(1, PromptDesk.Edited(Marker), "ani", CancellationToken.None);
            return await v.StartShadowAsync(made.Number, "ani", CancellationToken.None);
        });
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(61));
        await desk.WaitForStatusAsync(id, "in_review");

        Assert.True(await Eventually.TrueAsync(() => desk.QueryAsync(db => db.ShadowProposals.AnyAsync(s => s.DocumentId == id)), TimeSpan.FromSeconds(60)));
        var shadow = await desk.QueryAsync(db => db.ShadowProposals.AsNoTracking().SingleAsync(s => s.DocumentId == id));

        Assert.Equal(draft.Number, shadow.VersionNumber);
        Assert.Equal("subbag_rendatin", shadow.Fields().Unit.Value);
        Assert.Equal(2, fake.Requests.Count);
        // What clerks are shown: the API, the JSON inbox and the review page hold the live proposal only.
        var document = await desk.DocumentAsync(id);
        Assert.Equal("subbag_kul", document.GetProperty("proposal").GetProperty("fields").GetProperty("unit").GetProperty("value").GetString());
        using var clerk = await desk.ClerkAsync();
        var inbox = await clerk.GetStringAsync("/api/v1/review/inbox");
        Assert.Contains(id.ToString(), inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("subbag_rendatin", inbox, StringComparison.Ordinal);
        using var pages = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
        var item = await pages.GetStringAsync($"/item/{id}");
        Assert.Contains("<option value=\"subbag_kul\" selected=\"selected\">", item, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"subbag_rendatin\" selected", item, StringComparison.Ordinal);
        Assert.Equal(1, await desk.QueryAsync(db => db.Proposals.CountAsync(p => p.DocumentId == id)));
    }

    [Fact]
    public async Task Should_score_the_shadow_and_the_live_proposal_against_the_clerks_decisions()
    {
        await using var desk = await StartAsync();
        var draft = await desk.WithVersionsAsync(async v =>
        {
            var made = await v.CreateDraftAsync(1, PromptDesk.Edited(Marker), "ani", CancellationToken.None);
            return await v.StartShadowAsync(made.Number, "ani", CancellationToken.None);
        });
        var ids = new List<Guid>();
        for (var n = 62; n < 65; n++)
        {
            ids.Add(await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(n)));
        }

        foreach (var id in ids)
        {
            await desk.WaitForStatusAsync(id, "in_review");
        }

        Assert.True(await Eventually.TrueAsync(async () => await desk.QueryAsync(db => db.ShadowProposals.CountAsync()) == 3, TimeSpan.FromSeconds(60)));
        using var clerk = await desk.ClerkAsync();
        // Two letters the clerk routes the draft's way, one as the live proposal had it; one left undecided.
        foreach (var id in ids.Take(2))
        {
            var response = await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision",
                new { action = "approve_with_corrections", corrections = new Dictionary<string, string> { ["unit"] = "subbag_rendatin" } });
            response.EnsureSuccessStatusCode();
        }

        var report = await desk.QueryAsync(db => ShadowScores.ForAsync(db, draft.Number, CancellationToken.None));

        Assert.Equal((3, 2), (report.Proposed, report.Decided));
        var unit = report.Fields.Single(f => f.Field == "unit");
        Assert.Equal(new ShadowFieldScore("unit", 2, ShadowCorrect: 2, LiveCorrect: 0), unit);
        var type = report.Fields.Single(f => f.Field == "letterType");
        Assert.Equal((2, type.LiveCorrect), (type.Letters, type.ShadowCorrect));
        Assert.True(report.PromptTokens > 0);
    }

    [Fact]
    public async Task Should_refuse_shadow_for_a_version_that_is_not_a_draft_run_one_draft_at_a_time_and_end_it_on_promotion()
    {
        await using var desk = await StartAsync();

        var refusal = await Assert.ThrowsAsync<RefusedException>(() =>
            desk.WithVersionsAsync(v => v.StartShadowAsync(1, "ani", CancellationToken.None)));
        var first = await desk.WithVersionsAsync(async v =>
        {
            var a = await v.CreateDraftAsync(1, PromptDesk.Edited(Marker), "ani", CancellationToken.None);
            await v.StartShadowAsync(a.Number, "ani", CancellationToken.None);
            var b = await v.CreateDraftAsync(1, PromptDesk.Edited(Marker + "-B"), "ani", CancellationToken.None);
            await v.StartShadowAsync(b.Number, "ani", CancellationToken.None);
            return await v.FindAsync(a.Number, CancellationToken.None);
        });

        Assert.Equal("shadow-not-a-draft", refusal.Refusal.Code);
        Assert.Null(first!.ShadowSince);
        Assert.Equal(1, await desk.QueryAsync(db => db.PromptVersions.CountAsync(v => v.ShadowSince != null)));

        // Promoting the draft in shadow ends its shadow: it is live now.
        await desk.ReplayedAsync(PromptDesk.Evidence(3, 1, ("unit", 10, 8, 8)));
        await desk.WithVersionsAsync(v => v.PromoteAsync(3, "budi", CancellationToken.None));
        Assert.Equal(0, await desk.QueryAsync(db => db.PromptVersions.CountAsync(v => v.ShadowSince != null)));
    }
}
