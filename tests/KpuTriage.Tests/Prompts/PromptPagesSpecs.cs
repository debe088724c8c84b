using System.Net;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Prompts;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Prompts;

/// <summary>The admin's prompt pages over HTTP, as a browser's forms post them: edit into a draft, refusals in the admin's language, rollback.</summary>
public sealed class PromptPagesSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private Desk desk = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        desk = await PromptDesk.StartAsync(data.Path, postgres: null);
        admin = await DeskSession.SignInAsync(desk, "admin", DeskSettings.AdminPassword);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await desk.DisposeAsync();
        data.Dispose();
    }

    /// <summary>Posts the edit form of <paramref name="version"/> with these files, as the browser sends it (CRLF line breaks).</summary>
    private async Task<HttpResponseMessage> SaveAsync(int version, PromptFiles files)
    {
        var token = DeskSession.Token(await admin.GetStringAsync($"/admin/prompts/{version}/edit"))!;
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        foreach (var (path, text) in files.LlmFiles)
        {
            form.Add(new("Paths", path));
            form.Add(new("Texts", text.Replace("\n", "\r\n", StringComparison.Ordinal)));
        }

        form.Add(new("Taxonomy", files.Taxonomy.Replace("\n", "\r\n", StringComparison.Ordinal)));
        return await admin.PostAsync($"/admin/prompts/{version}/edit", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task Should_make_a_draft_with_its_diff_and_a_ledger_entry_when_an_admin_saves_an_edit()
    {
        var response = await SaveAsync(1, PromptDesk.Edited("Tulis ringkasan dalam dua kalimat."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/prompts/2", response.Headers.Location?.OriginalString);
        var draft = await desk.QueryAsync(db => db.PromptVersions.AsNoTracking().SingleAsync(v => v.Number == 2));
        Assert.Equal((PromptVersionState.Draft, "admin", 1), (draft.State, draft.Author, draft.ParentNumber));
        Assert.Equal(PromptDesk.Edited("Tulis ringkasan dalam dua kalimat.").Hash, draft.Hash);
        Assert.Contains("+Tulis ringkasan dalam dua kalimat.", draft.Diff, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/prompts/2"));
        Assert.Contains("<span class=\"added\">+Tulis ringkasan dalam dua kalimat.", page, StringComparison.Ordinal);
        Assert.Equal(1, await desk.QueryAsync(db => db.LedgerEntries.CountAsync(e => e.Kind == LedgerKinds.PromptEdit)));
        Assert.Contains("data-version=\"2\" data-state=\"draft\"", await admin.GetStringAsync("/admin/prompts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_in_indonesian_when_nothing_changed_or_the_taxonomy_does_not_read()
    {
        var shipped = PromptFiles.Read(PromptDesk.Shipped);

        var unchanged = await SaveAsync(1, shipped);
        var broken = await SaveAsync(1, new PromptFiles(shipped.LlmFiles, "letter_types: [tidak: {lengkap"));

        Assert.Equal(HttpStatusCode.BadRequest, unchanged.StatusCode);
        Assert.Contains("isinya sama dengan versi 1: tidak ada yang berubah.", await unchanged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("prompt atau taksonomi ini tidak dapat dipakai", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await desk.QueryAsync(db => db.PromptVersions.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_a_shadow_run_when_no_model_is_configured()
    {
        await SaveAsync(1, PromptDesk.Edited("Baris baru."));

        var response = await DeskSession.PostFormAsync(admin, "/admin/prompts/2?handler=Shadow", new Dictionary<string, string>(), "/admin/prompts/2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tidak ada model bahasa yang dikonfigurasi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await desk.QueryAsync(db => db.PromptVersions.AsNoTracking().SingleAsync(v => v.Number == 2))).ShadowSince);
    }

    [Fact]
    public async Task Should_roll_back_to_the_earlier_version_in_one_action_and_record_who()
    {
        await SaveAsync(1, PromptDesk.Edited("Baris baru."));
        await desk.ReplayedAsync(PromptDesk.Evidence(2, 1, ("unit", 10, 8, 9)));
        // The draft is the admin's own: another admin promotes it.
        await desk.WithVersionsAsync(v => v.PromoteAsync(2, "budi", CancellationToken.None));

        var response = await DeskSession.PostFormAsync(admin, "/admin/prompts/1?handler=RollBack", new Dictionary<string, string>(), "/admin/prompts/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var states = await desk.QueryAsync(db => db.PromptVersions.AsNoTracking().OrderBy(v => v.Number).Select(v => v.State).ToListAsync());
        Assert.Equal([PromptVersionState.Active, PromptVersionState.Retired], states);
        var page = await admin.GetStringAsync("/admin/prompts");
        Assert.Contains("Kembali ke versi 1, menggantikan versi 2", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"rollback\"", page, StringComparison.Ordinal);
    }
}
