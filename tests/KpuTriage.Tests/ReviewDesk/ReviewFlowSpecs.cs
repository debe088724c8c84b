using System.Net;
using System.Net.Http.Json;
using System.Text;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Register;
using KpuTriage.Core.Review;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.ReviewDesk;

/// <summary>
/// The review rules the Desk relies on, enforced below the pages and run once per storage
/// provider (the derived classes): four eyes, holds, send back, the inbox's order, filters
/// and counts, and the register's export.
/// </summary>
public abstract class ReviewFlowSpecs : DeskOnEachStorage
{
    private static readonly string[] DispositionActions = ["tindak_lanjut", "siapkan_jawaban"];

    [Fact]
    public async Task Should_commit_a_rahasia_letter_only_with_a_second_supervisor_when_four_eyes_apply()
    {
        var id = await Desk.SubmitOkAsync("rahasia.txt", Letters.RahasiaBytes(3));
        await Desk.WaitForStatusAsync(id, "in_review");
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await Desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);

        var first = await siti.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });
        var byClerk = await siti.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });
        Assert.Null(await Desk.QueryAsync(db => db.Register.FirstOrDefaultAsync(e => e.DocumentId == id)));
        var bySupervisor = await budi.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bySupervisor.StatusCode);
        var entry = await Desk.QueryAsync(db => db.Register.AsNoTracking().FirstAsync(e => e.DocumentId == id));
        Assert.Equal((Desk.ClerkName, Desk.SupervisorName), (entry.DecidedBy, entry.CoApprovedBy));
    }

    [Fact]
    public async Task Should_refuse_the_first_approver_as_co_approver_in_the_decision_service()
    {
        var id = await Desk.SubmitOkAsync("rahasia.txt", Letters.RahasiaBytes(4));
        await Desk.WaitForStatusAsync(id, "in_review");
        await using var scope = Desk.Services.CreateAsyncScope();
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
        var budi = new Decider(Desk.SupervisorName, IsSupervisor: true);

        var first = await decisions.DecideAsync(id, new DecisionRequest(DecisionRequest.Approve), budi, CancellationToken.None);
        var second = await decisions.DecideAsync(id, new DecisionRequest(DecisionRequest.Approve), budi with { Name = "BUDI" }, CancellationToken.None);

        Assert.Equal(DecisionResult.AwaitingCoApproval, first.Result);
        Assert.Equal(DecisionResult.NotAllowed, second.Result);
    }

    [Fact]
    public async Task Should_refuse_a_decision_when_another_clerk_holds_the_item()
    {
        var id = await Desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(5));
        await Desk.WaitForStatusAsync(id, "in_review");
        using var budiPages = await DeskSession.SignInAsync(Desk, Desk.SupervisorName, Desk.PeoplePassword);
        Assert.Equal(HttpStatusCode.OK, (await budiPages.GetAsync($"/item/{id}")).StatusCode);
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);

        var held = await siti.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });
        var holder = await budiPages.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });

        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        Assert.Contains(Desk.SupervisorName, await held.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, holder.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_an_invalid_correction_in_the_clerks_language_and_give_programs_its_code()
    {
        var id = await Desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(6));
        await Desk.WaitForStatusAsync(id, "in_review");
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);
        var emptyPerihal = new Dictionary<string, string> { ["Values[perihal]"] = "" };

        using var indonesian = await DeskSession.PostFormAsync(siti, $"/item/{id}?handler=Approve", emptyPerihal, formPage: $"/item/{id}");
        using var toEnglish = await DeskSession.PostFormAsync(siti, "/account/language", new Dictionary<string, string> { ["language"] = "en" }, formPage: "/inbox");
        using var english = await DeskSession.PostFormAsync(siti, $"/item/{id}?handler=Approve", emptyPerihal, formPage: $"/item/{id}");
        using var api = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var byApi = await api.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve_with_corrections", corrections = new { urgency = "kilat_sekali" } });

        Assert.Equal(HttpStatusCode.BadRequest, indonesian.StatusCode);
        Assert.Contains("Perihal wajib diisi: perbaiki sebelum menyetujui.", await indonesian.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("Subject (perihal) is required: correct it before approving.", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, byApi.StatusCode);
        var problem = await byApi.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("not-in-taxonomy", problem.GetProperty("code").GetString());
        Assert.Equal("'kilat_sekali' is not a valid urgency in the taxonomy.", problem.GetProperty("detail").GetString());
        Assert.Equal("in_review", (await Desk.QueryAsync(db => db.Documents.AsNoTracking().FirstAsync(d => d.Id == id))).Status.ToWire());
    }

    [Fact]
    public async Task Should_reopen_the_item_with_a_new_proposal_revision_when_a_clerk_sends_it_back()
    {
        var id = await Desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(6));
        await Desk.WaitForStatusAsync(id, "in_review");
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);

        var sent = await siti.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "send_back" });

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.True(
            await Eventually.TrueAsync(async () => await Desk.QueryAsync(db => db.Proposals.CountAsync(p => p.DocumentId == id)) >= 2, TimeSpan.FromSeconds(30)),
            "no second proposal after sending back");

        var document = await Desk.WaitForStatusAsync(id, "in_review");
        Assert.Equal(2, document.GetProperty("proposal").GetProperty("revision").GetInt32());
        var item = await Desk.QueryAsync(db => db.ReviewItems.AsNoTracking().FirstAsync(i => i.DocumentId == id));
        Assert.Equal(ReviewState.Open, item.State);
        var approve = await siti.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
    }

    [Fact]
    public async Task Should_list_what_is_due_first_then_the_most_urgent_then_the_oldest_when_the_inbox_is_read()
    {
        var plain = await SubmitAndWaitAsync("biasa.txt", Letter("Biasa", "Surat Biasa Pertama", null));
        var urgent = await SubmitAndWaitAsync("kilat.txt", Letter("Kilat", "Surat Kilat", null));
        var due = await SubmitAndWaitAsync("tenggat.txt", Letter("Biasa", "Surat Bertenggat", "paling lambat tanggal 20 Maret 2025"));

        await using var scope = Desk.Services.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<ReviewInbox>();
        var rows = await inbox.ListAsync(new InboxQuery(), CancellationToken.None);
        var (facets, combinations) = await inbox.FacetsAsync(CancellationToken.None);
        var urgentOnly = new InboxQuery { Urgency = "amat_segera" };

        Assert.Equal([due, urgent, plain], rows.Select(r => r.Item.DocumentId));
        Assert.Equal(3, facets.Total);
        Assert.Equal(1, facets.Urgency.GetValueOrDefault("amat_segera"));
        Assert.Equal(3, facets.Status.GetValueOrDefault(InboxQuery.InReview));
        Assert.Equal(1, await inbox.CountAsync(urgentOnly, facets, combinations, CancellationToken.None));
        Assert.Equal([urgent], (await inbox.ListAsync(urgentOnly, CancellationToken.None)).Select(r => r.Item.DocumentId));
        Assert.Equal([due], (await inbox.ListAsync(new InboxQuery { Search = "BERTENGGAT" }, CancellationToken.None)).Select(r => r.Item.DocumentId));
    }

    [Fact]
    public async Task Should_give_integrations_the_desks_inbox_order_and_filters_including_letters_awaiting_a_supervisor()
    {
        var plain = await SubmitAndWaitAsync("biasa.txt", Letter("Biasa", "Surat Biasa Pertama", null));
        var urgent = await SubmitAndWaitAsync("kilat.txt", Letter("Kilat", "Surat Kilat", null));
        var due = await SubmitAndWaitAsync("tenggat.txt", Letter("Biasa", "Surat Bertenggat", "paling lambat tanggal 20 Maret 2025"));
        var secret = await Desk.SubmitOkAsync("rahasia.txt", Letters.RahasiaBytes(7));
        await Desk.WaitForStatusAsync(secret, "in_review");
        using var siti = await Desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        Assert.Equal(HttpStatusCode.Accepted, (await siti.PostAsJsonAsync($"/api/v1/review/{secret}/decision", new { action = "approve" })).StatusCode);

        var all = await siti.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/review/inbox");
        var awaiting = await siti.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/review/inbox?status=awaiting_co_approval");
        var urgentOnly = await siti.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/review/inbox?urgency=amat_segera&take=1");
        var found = await siti.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/review/inbox?search=bertenggat");

        static List<Guid> Ids(System.Text.Json.JsonElement inbox) =>
            [.. inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("documentId").GetGuid())];
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal([due, urgent, plain], Ids(all).Where(id => id != secret));
        var line = Assert.Single(awaiting.GetProperty("items").EnumerateArray());
        Assert.Equal(secret, line.GetProperty("documentId").GetGuid());
        Assert.Equal("awaiting_co_approval", line.GetProperty("status").GetString());
        Assert.Equal(Desk.ClerkName, line.GetProperty("firstApprovedBy").GetString());
        Assert.Equal([urgent], Ids(urgentOnly));
        Assert.Equal([due], Ids(found));
        Assert.Equal("2025-03-20", found.GetProperty("items")[0].GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task Should_export_the_register_as_csv_and_xlsx_with_formulas_kept_as_text()
    {
        var id = await SubmitAndWaitAsync("rumus.txt", Letter("Biasa", "=HYPERLINK(\"http://x\") Permohonan", null));
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);
        (await siti.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" })).EnsureSuccessStatusCode();

        var csv = await siti.GetStringAsync("/register/export?format=csv");
        using var xlsx = await siti.GetAsync("/register/export?format=xlsx");

        Assert.StartsWith(string.Join(',', RegisterExport.Columns), csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\") Permohonan\"", csv, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await using var stream = await xlsx.Content.ReadAsStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(copy, false);
        var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Contains(cells, c => c.InnerText == "=HYPERLINK(\"http://x\") Permohonan");
        Assert.DoesNotContain(workbook.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>(), _ => true);
    }

    [Fact]
    public async Task Should_find_a_committed_letter_in_the_register_and_show_its_history()
    {
        var id = await SubmitAndWaitAsync("bawaslu.txt", Letter("Segera", "Klarifikasi Data Pemilih Ganda", null));
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);
        var decision = await siti.PostAsJsonAsync($"/api/v1/review/{id}/decision", new
        {
            action = "approve_with_corrections",
            corrections = new Dictionary<string, string> { ["perihal"] = "Klarifikasi Data Pemilih Ganda Tahap II" },
            disposition = new { actions = DispositionActions, note = "Segera dijawab", deadline = "2025-03-20" },
        });
        decision.EnsureSuccessStatusCode();
        var entry = await Desk.QueryAsync(db => db.Register.AsNoTracking().FirstAsync(e => e.DocumentId == id));

        var found = await siti.GetStringAsync("/register?q=tahap%20ii");
        var missing = await siti.GetStringAsync("/register?q=tidak-ada-surat-begini");
        var record = System.Net.WebUtility.HtmlDecode(await siti.GetStringAsync($"/register/{entry.Id}"));

        Assert.Contains(entry.AgendaLabel, found, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.AgendaLabel, missing, StringComparison.Ordinal);
        Assert.Equal("tindak_lanjut,siapkan_jawaban", entry.DispositionActions);
        Assert.Contains("Klarifikasi Data Pemilih Ganda Tahap II", record, StringComparison.Ordinal);
        Assert.Contains("Tindak lanjuti", record, StringComparison.Ordinal);
        Assert.Contains($"disetujui oleh {Desk.ClerkName}", record, StringComparison.Ordinal);
        Assert.Contains("dikoreksi: perihal", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_serve_a_pdf_page_as_an_image_to_reviewers_and_nothing_past_its_last_page()
    {
        var pdf = Extraction.TestPdfs.WithText(["KOMISI PEMILIHAN UMUM", "Nomor : 1/PL.01/2025", "Hal : Pemberitahuan"]);
        var id = await Desk.SubmitOkAsync("surat.pdf", pdf);
        await Desk.WaitForStatusAsync(id, "in_review", "manual_triage");
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);

        using var first = await siti.GetAsync($"/documents/{id}/pages/1");
        using var past = await siti.GetAsync($"/documents/{id}/pages/2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/png", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await first.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }

    private async Task<Guid> SubmitAndWaitAsync(string fileName, string text)
    {
        var id = await Desk.SubmitOkAsync(fileName, Encoding.UTF8.GetBytes(text));
        await Desk.WaitForStatusAsync(id, "in_review");
        return id;
    }

    private static string Letter(string sifat, string hal, string? deadline) => $"""
        BADAN PENGAWAS PEMILIHAN UMUM
        KABUPATEN PURWAKARTA

        Purwakarta, 3 Maret 2025

        Nomor    : 12/PM.00.01/III/2025
        Sifat    : {sifat}
        Lampiran : -
        Hal      : {hal}

        Yth. Ketua KPU Kabupaten Purwakarta
        Dengan hormat, kami sampaikan hal tersebut. {(deadline is null ? "" : $"Mohon dijawab {deadline}.")}

        Ketua,
        Dedi Mulyadi
        """;
}
