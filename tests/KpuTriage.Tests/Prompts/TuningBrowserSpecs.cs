using System.Net.Http.Json;
using KpuTriage.Core.Dashboard;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.People;
using KpuTriage.Core.Prompts;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KpuTriage.Tests.Prompts;

/// <summary>
/// Tuning a prompt end to end in Chromium, on a desk whose model is the fake of
/// <see cref="ReplayDesk"/>: clerks correct the letter type of three live letters; admin ani
/// edits the system prompt, replays the draft against their decisions and the development set,
/// and may not promote her own draft; admin budi promotes it.
/// </summary>
public sealed class TuningBrowserSpecs : IAsyncLifetime
{
    private const string Ani = "ani";
    private const string Budi = "budi-admin";
    private const string AdminPassword = "kata-sandi-admin-uji";
    private readonly TempDirectory data = new();
    private ReplayDesk office = null!;
    private Chromium chromium = null!;

    private Desk Desk => office.Desk;

    public async Task InitializeAsync()
    {
        office = await ReplayDesk.StartAsync(data.Path, postgres: null, poll: TimeSpan.FromSeconds(1));
        await Desk.EnsurePeopleAsync();
        await using (var scope = Desk.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.CreateUserAsync(Ani, AdminPassword, [Roles.Admin], "admin", CancellationToken.None);
            await accounts.CreateUserAsync(Budi, AdminPassword, [Roles.Admin, Roles.Supervisor], "admin", CancellationToken.None);
        }

        chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        await office.DisposeAsync();
        data.Dispose();
    }

    /// <summary>Three live letters the model reads as surat dinas; the clerk approves each as an undangan.</summary>
    private async Task DecideLiveLettersAsync()
    {
        using var clerk = await Desk.ClerkAsync();
        for (var n = 71; n <= 73; n++)
        {
            var id = await Desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(n));
            await Desk.WaitForStatusAsync(id, "in_review");
            var decided = await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision",
                new { action = "approve_with_corrections", corrections = new Dictionary<string, string> { ["letterType"] = "undangan" } });
            decided.EnsureSuccessStatusCode();
        }
    }

    private static async Task ReloadUntilAsync(IPage page, string selector)
    {
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            try
            {
                await page.ReloadAsync();
            }
            catch (PlaywrightException)
            {
                // A reload that met the form post's own navigation (seen on a loaded machine): try again.
                return false;
            }

            return await page.Locator(selector).CountAsync() > 0;
        }, TimeSpan.FromSeconds(90)), $"{selector} never appeared on {page.Url}");
    }

    [Fact]
    public async Task Should_let_another_admin_promote_a_draft_its_author_edited_and_replayed_but_could_not_promote()
    {
        await DecideLiveLettersAsync();

        // Ani edits the system prompt in the desk: every other file goes back through its textarea untouched.
        var ani = await chromium.NewPageAsync(Desk);
        await Chromium.SignInAsync(ani, Ani, AdminPassword);
        await ani.ClickAsync("header nav >> text=Prompt");
        await ani.ClickAsync("a[href='/admin/prompts/1']");
        await ani.ClickAsync("#edit-version");
        var system = ani.Locator("textarea[data-path='system.md']");
        await system.FillAsync(await system.InputValueAsync() + "\n" + ReplayDesk.Marker + "\n");
        await ani.ClickAsync("#save-draft");
        await ani.WaitForURLAsync(url => url.EndsWith("/admin/prompts/2", StringComparison.Ordinal));
        var draft = await Desk.QueryAsync(db => db.PromptVersions.AsNoTracking().SingleAsync(v => v.Number == 2));
        Assert.Equal((Ani, PromptVersionState.Draft), (draft.Author, draft.State));
        Assert.Equal(PromptDesk.Edited(ReplayDesk.Marker).Hash, draft.Hash);

        // She replays it on the three decisions and the two development letters.
        await ani.FillAsync("#gold-size", "3");
        await ani.ClickAsync("#run-replay");
        await ReloadUntilAsync(ani, "tr[data-replay][data-state=finished]");
        await ani.ClickAsync("tr[data-replay] >> text=Lihat hasil");
        var letterType = ani.Locator("#accuracy tr[data-field=letterType]");
        Assert.Equal("1", await letterType.Locator("[data-figure=active]").GetAttributeAsync("data-value"));
        Assert.Equal("4", await letterType.Locator("[data-figure=draft]").GetAttributeAsync("data-value"));
        await Chromium.ScreenshotAsync(ani, "prompt-replay");

        // She may not promote her own draft.
        await ani.GoBackAsync();
        await ani.ClickAsync("#promote");
        await Assertions.Expect(ani.Locator("#error")).ToContainTextAsync("versi prompt 2 adalah draf Anda sendiri");
        Assert.Equal(PromptVersionState.Draft, (await Desk.QueryAsync(db => db.PromptVersions.AsNoTracking().SingleAsync(v => v.Number == 2))).State);

        // Budi promotes it.
        var budi = await chromium.NewPageAsync(Desk);
        await Chromium.SignInAsync(budi, Budi, AdminPassword);
        await budi.GotoAsync("/admin/prompts/2");
        await budi.ClickAsync("#promote");
        await Assertions.Expect(budi.Locator("p.notice")).ToContainTextAsync("Versi 2 sekarang aktif.");
        await Assertions.Expect(budi.Locator("#version-state")).ToHaveAttributeAsync("data-state", "active");
        var promotion = await Desk.QueryAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Kind == LedgerKinds.PromptPromotion));
        Assert.Contains($"\"by\":\"{Budi}\"", promotion.PayloadJson, StringComparison.Ordinal);
        Assert.Equal(2, (await Desk.QueryAsync(db => db.PromptVersions.AsNoTracking().SingleAsync(v => v.State == PromptVersionState.Active))).Number);

        // The prompt pages' history, read from the ledger: who drafted, who promoted.
        await budi.ClickAsync("header nav >> text=Prompt");
        await Assertions.Expect(budi.Locator("#history tr[data-action=promote]")).ToContainTextAsync(Budi);
        await Assertions.Expect(budi.Locator("#history tr[data-action=promote]")).ToContainTextAsync("Versi 2 dipromosikan, menggantikan versi 1");
        await Assertions.Expect(budi.Locator("#history tr[data-action=edit]")).ToContainTextAsync(Ani);

        // Budi, also a supervisor, reads the dashboard: its numbers are what the database holds.
        await budi.ClickAsync("header nav >> text=Dasbor");
        await budi.WaitForURLAsync(url => url.Contains("/admin/dashboard", StringComparison.Ordinal));
        await Chromium.ScreenshotAsync(budi, "prompt-dashboard");
        async Task<string?> FigureAsync(string name) => await budi.GetAttributeAsync($"[data-figure='{name}']", "data-value");
        var today = Desk.Services.GetRequiredService<OfficeCalendar>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var entries = await Desk.QueryAsync(db => db.Register.AsNoTracking().ToListAsync());
        var letterTypeKept = entries.Count(e => !e.DiffJson.Contains("\"letterType\"", StringComparison.Ordinal));
        var calls = await Desk.QueryAsync(db => db.ModelCalls.AsNoTracking().ToListAsync());
        Assert.Equal(entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await FigureAsync("decided"));
        Assert.Equal(((double)letterTypeKept / entries.Count).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture), await FigureAsync("agreement.letterType"));
        Assert.Equal("1", await FigureAsync("agreement.unit"));
        Assert.Equal(entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await FigureAsync("agreement.version.1.decided"));
        Assert.Equal((await Desk.QueryAsync(db => db.Documents.CountAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture), await FigureAsync($"documents.{today}"));
        Assert.Equal(calls.Sum(c => c.PromptTokens + c.CompletionTokens).ToString(System.Globalization.CultureInfo.InvariantCulture), await FigureAsync($"tokens.{today}"));
        Assert.Equal("0", await FigureAsync("backlog.size"));
    }
}
