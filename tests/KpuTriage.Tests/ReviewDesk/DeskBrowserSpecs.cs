using System.Net;
using System.Net.Http.Json;
using KpuTriage.Core.Register;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KpuTriage.Tests.ReviewDesk;

/// <summary>
/// The desk as people use it, in Debian's Chromium: a clerk's keyboard-only round, four eyes,
/// an admin making an account, and a hostile letter that must run nothing. Screenshots of the
/// inbox, the item view and the register are kept under TestResults/screenshots.
/// </summary>
public sealed class DeskBrowserSpecs : IAsyncLifetime
{
    private static readonly string[] SupervisorRole = ["supervisor"];
    private readonly TempDirectory data = new();
    private Desk desk = null!;
    private Chromium chromium = null!;

    public async Task InitializeAsync()
    {
        desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });
        await desk.EnsurePeopleAsync();
        chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        await desk.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_let_a_clerk_work_five_letters_with_the_keyboard_only_and_commit_one_correction()
    {
        var ids = new List<Guid>();
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            ids.Add(await desk.SubmitOkAsync($"undangan-{sequence}.txt", Letters.UndanganBytes(sequence)));
        }

        foreach (var id in ids)
        {
            await desk.WaitForStatusAsync(id, "in_review");
        }

        var page = await chromium.NewPageAsync(desk);
        await Chromium.SignInAsync(page, Desk.ClerkName, Desk.PeoplePassword);
        Assert.Contains("/inbox", page.Url, StringComparison.Ordinal);
        Assert.Equal(5, await page.Locator("#inbox-rows tbody tr").CountAsync());
        await Chromium.ScreenshotAsync(page, "inbox");

        await page.Keyboard.PressAsync("j");
        await Chromium.PressAndNavigateAsync(page, "Enter");
        Assert.Contains("/item/", page.Url, StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "item");

        // Letter 1: e goes to the first field; Tab three times reaches Perihal; Ctrl+Enter approves.
        await page.Keyboard.PressAsync("e");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("f-perihal", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Undangan Rapat Koordinasi Pemutakhiran Data Pemilih (dikoreksi)");
        await Chromium.PressAndNavigateAsync(page, "Control+Enter");

        // Letters 2 to 5: approve as proposed; each decision opens the next letter.
        for (var letter = 2; letter <= 5; letter++)
        {
            Assert.Contains("/item/", page.Url, StringComparison.Ordinal);
            await Chromium.PressAndNavigateAsync(page, "a");
        }

        Assert.Contains("/inbox", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#inbox-rows tbody tr").CountAsync());
        var entries = await desk.QueryAsync(db => db.Register.AsNoTracking().ToListAsync());
        Assert.Equal(5, entries.Count);
        Assert.All(entries, e => Assert.Equal(Desk.ClerkName, e.DecidedBy));
        var corrected = Assert.Single(entries, e => e.DiffJson.Contains("perihal", StringComparison.Ordinal));
        Assert.Equal("Undangan Rapat Koordinasi Pemutakhiran Data Pemilih (dikoreksi)", corrected.Perihal);

        await page.GotoAsync("/register");
        Assert.Equal(5, await page.Locator("table.register tbody tr").CountAsync());
        await Chromium.ScreenshotAsync(page, "register");
    }

    [Fact]
    public async Task Should_commit_a_rahasia_letter_only_when_a_second_supervisor_co_approves()
    {
        using (var admin = await desk.AdminAsync())
        {
            var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "rina", password = Desk.PeoplePassword, roles = SupervisorRole });
            created.EnsureSuccessStatusCode();
        }

        var id = await desk.SubmitOkAsync("rahasia.txt", Letters.RahasiaBytes(7));
        await desk.WaitForStatusAsync(id, "in_review");

        // The supervisor budi approves first: the letter waits for a second pair of eyes.
        var budi = await chromium.NewPageAsync(desk);
        await Chromium.SignInAsync(budi, Desk.SupervisorName, Desk.PeoplePassword);
        await budi.GotoAsync($"/item/{id}");
        await Chromium.PressAndNavigateAsync(budi, "a");
        Assert.Null(await desk.QueryAsync(db => db.Register.AsNoTracking().FirstOrDefaultAsync(e => e.DocumentId == id)));

        // budi cannot be the second: the page says so, and the decision service refuses it too.
        await budi.GotoAsync($"/item/{id}");
        await Assertions.Expect(budi.Locator("#co-approval-blocked")).ToBeVisibleAsync();
        await Assertions.Expect(budi.Locator("#approve")).ToBeDisabledAsync();
        await Chromium.ScreenshotAsync(budi, "item-awaiting-co-approval");
        using (var budiApi = await desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword))
        {
            var again = await budiApi.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });
            Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        }

        // A clerk cannot co-approve either.
        var siti = await chromium.NewPageAsync(desk);
        await Chromium.SignInAsync(siti, Desk.ClerkName, Desk.PeoplePassword);
        await siti.GotoAsync($"/item/{id}");
        await Assertions.Expect(siti.Locator("#approve")).ToBeDisabledAsync();

        // Another supervisor co-approves: committed, with both names.
        var rina = await chromium.NewPageAsync(desk);
        await Chromium.SignInAsync(rina, "rina", Desk.PeoplePassword);
        await rina.GotoAsync($"/item/{id}");
        await Chromium.PressAndNavigateAsync(rina, "a");
        var entry = await desk.QueryAsync(db => db.Register.AsNoTracking().FirstAsync(e => e.DocumentId == id));
        Assert.Equal("rahasia", entry.Security);
        Assert.Equal(Desk.SupervisorName, entry.DecidedBy);
        Assert.Equal("rina", entry.CoApprovedBy);
    }

    [Fact]
    public async Task Should_show_a_new_proposal_in_an_open_inbox_without_a_reload()
    {
        var page = await chromium.NewPageAsync(desk);
        await Chromium.SignInAsync(page, Desk.ClerkName, Desk.PeoplePassword);
        var loads = 0;
        page.Load += (_, _) => loads++;
        Assert.Equal(0, await page.Locator("#inbox-rows tbody tr").CountAsync());

        var id = await desk.SubmitOkAsync("undangan-baru.txt", Letters.UndanganBytes(42));
        await desk.WaitForStatusAsync(id, "in_review");

        await Assertions.Expect(page.Locator("#inbox-rows tbody tr")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#inbox-rows")).ToContainTextAsync("Pemilih 42");
        Assert.Equal(0, loads);
    }

    [Fact]
    public async Task Should_let_an_admin_create_a_user_who_can_then_sign_in()
    {
        var page = await chromium.NewPageAsync(desk);
        await Chromium.SignInAsync(page, "admin", DeskSettings.AdminPassword);
        Assert.Contains("/admin/users", page.Url, StringComparison.Ordinal);

        await page.FillAsync("#new-user-name", "dewi");
        await page.FillAsync("#new-user-password", "dewi-kata-sandi-panjang");
        await page.CheckAsync("#new-user-clerk");
        await page.ClickAsync("#create-user");
        await page.WaitForURLAsync(url => url.EndsWith("/admin/users", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("tr[data-user=dewi]")).ToBeVisibleAsync();

        var dewi = await chromium.NewPageAsync(desk);
        await Chromium.SignInAsync(dewi, "dewi", "dewi-kata-sandi-panjang");
        Assert.Contains("/inbox", dewi.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_run_no_script_when_a_letter_and_its_file_name_carry_markup()
    {
        var id = await desk.SubmitOkAsync("<img src=x onerror=window.__pwned=9>.txt", Letters.HostileBytes());
        await desk.WaitForStatusAsync(id, "in_review", "manual_triage");
        var page = await chromium.NewPageAsync(desk);
        var dialogs = new List<string>();
        var consoleErrors = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) => consoleErrors.Add(message.Text);
        await Chromium.SignInAsync(page, Desk.ClerkName, Desk.PeoplePassword);

        foreach (var path in new[] { "/inbox", $"/item/{id}" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(await page.EvaluateAsync<bool>("typeof window.__pwned === 'undefined'"), $"a script ran on {path}");
            Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('script:not([src]), img[onerror], svg[onload], a[href^=javascript]').length"));
        }

        // Shown as text, literally: the letter and the file name.
        Assert.Contains("<script>window.__pwned=1</script>", await page.Locator("pre.letter").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=", await page.Locator(".file-name").InnerTextAsync(), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "item-hostile-letter");
        Assert.Empty(dialogs);
        // Nothing was even attempted: the CSP had nothing to block.
        Assert.DoesNotContain(consoleErrors, m => m.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
