using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KpuTriage.Core.Blobs;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Pipeline;

/// <summary>
/// The triage path on the standalone transport, run once per storage provider (the derived
/// classes): intake, extraction, proposal, review, decision, and the guarantees around them.
/// </summary>
public abstract class PipelineSpecs : OnEachStorage
{
    private DeskSettings Settings(string stages = "intake,extract,propose,review", Dictionary<string, string>? extra = null) => new()
    {
        DataDirectory = DataDirectory,
        PostgresConnectionString = PostgresConnectionString,
        Stages = stages,
        Extra = extra ?? [],
    };

    private Task<Desk> StartAsync(string stages = "intake,extract,propose,review", Dictionary<string, string>? extra = null) =>
        Desk.StartAsync(Settings(stages, extra));

    [Fact]
    public async Task Should_commit_letter_with_agenda_number_when_clerk_approves_proposal()
    {
        await using var desk = await StartAsync();
        using var clerk = await desk.ClerkAsync();
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(7));

        var inReview = await desk.WaitForStatusAsync(id, "in_review");
        var fields = inReview.GetProperty("proposal").GetProperty("fields");
        Assert.Equal("7/PL.02.1-Und/32/2025", fields.GetProperty("letterNumber").GetProperty("value").GetString());
        Assert.Equal("segera", fields.GetProperty("urgency").GetProperty("value").GetString());

        var inbox = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/review/inbox");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("documentId").GetGuid() == id);

        var decision = await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        var committed = await desk.DocumentAsync(id);
        Assert.Equal("committed", committed.GetProperty("status").GetString());
        var record = committed.GetProperty("record");
        var officeYear = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")).Year;
        Assert.Equal($"0001/{officeYear}", record.GetProperty("agendaNumber").GetString());
        Assert.Equal(Desk.ClerkName, record.GetProperty("decidedBy").GetString());
    }

    [Fact]
    public async Task Should_number_agenda_entries_consecutively_within_a_year()
    {
        await using var desk = await StartAsync();
        using var clerk = await desk.ClerkAsync();
        var agenda = new List<string>();
        foreach (var sequence in new[] { 1, 2, 3 })
        {
            var id = await desk.SubmitOkAsync($"surat-{sequence}.txt", Letters.UndanganBytes(sequence));
            await desk.WaitForStatusAsync(id, "in_review");
            var decision = await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });
            agenda.Add((await decision.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("agendaNumber").GetString()!);
        }

        Assert.Equal(["0001", "0002", "0003"], agenda.Select(a => a[..4]));
    }

    [Fact]
    public async Task Should_record_corrections_as_a_diff_when_clerk_corrects_fields()
    {
        await using var desk = await StartAsync();
        using var clerk = await desk.ClerkAsync();
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(8));
        await desk.WaitForStatusAsync(id, "in_review");

        var decision = await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision",
            new { action = "approve_with_corrections", corrections = new Dictionary<string, string> { ["urgency"] = "amat_segera" } });

        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        var entry = await desk.QueryAsync(db => db.Register.SingleAsync(e => e.DocumentId == id));
        Assert.Equal("amat_segera", entry.Urgency);
        var diff = JsonDocument.Parse(entry.DiffJson).RootElement;
        Assert.Equal("segera", diff.GetProperty("urgency").GetProperty("proposed").GetString());
        Assert.Single(diff.EnumerateObject());
    }

    [Fact]
    public async Task Should_refuse_a_value_outside_the_taxonomy_when_clerk_corrects()
    {
        await using var desk = await StartAsync();
        using var clerk = await desk.ClerkAsync();
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(9));
        await desk.WaitForStatusAsync(id, "in_review");

        var decision = await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision",
            new { action = "approve_with_corrections", corrections = new Dictionary<string, string> { ["security"] = "super_secret" } });

        Assert.Equal(HttpStatusCode.BadRequest, decision.StatusCode);
        Assert.Equal("in_review", (await desk.DocumentAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_second_decision_when_item_was_already_decided()
    {
        await using var desk = await StartAsync();
        using var clerk = await desk.ClerkAsync();
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(10));
        await desk.WaitForStatusAsync(id, "in_review");

        var decisions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" })));

        Assert.Single(decisions, d => d.StatusCode == HttpStatusCode.OK);
        Assert.All(decisions.Where(d => d.StatusCode != HttpStatusCode.OK), d => Assert.Equal(HttpStatusCode.Conflict, d.StatusCode));
        Assert.Equal(1, await desk.QueryAsync(db => db.Register.CountAsync()));
    }

    [Fact]
    public async Task Should_close_item_without_register_entry_when_clerk_rejects_as_not_a_letter()
    {
        await using var desk = await StartAsync();
        using var clerk = await desk.ClerkAsync();
        var id = await desk.SubmitOkAsync("iklan.txt", Encoding.UTF8.GetBytes("PROMO SPESIAL! Beli dua gratis satu. Hubungi kami segera untuk penawaran terbaik bulan ini."));
        await desk.WaitForStatusAsync(id, "in_review", "manual_triage");

        var decision = await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "reject", reason = "iklan, bukan surat" });

        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("rejected", (await desk.DocumentAsync(id)).GetProperty("status").GetString());
        Assert.Equal(0, await desk.QueryAsync(db => db.Register.CountAsync()));
    }

    [Fact]
    public async Task Should_return_the_same_document_when_externalId_is_submitted_twice()
    {
        await using var desk = await StartAsync();
        var first = await desk.SubmitOkAsync("a.txt", Letters.UndanganBytes(11), externalId: "SRIKANDI-0001");
        var second = await desk.SubmitAsync("a.txt", Letters.UndanganBytes(11), externalId: "SRIKANDI-0001");

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first, body.GetProperty("id").GetGuid());
        Assert.True(body.GetProperty("duplicate").GetBoolean());
        await desk.WaitForStatusAsync(first, "in_review");
        Assert.Equal(1, await desk.QueryAsync(db => db.Documents.CountAsync()));
        Assert.Equal(1, await desk.QueryAsync(db => db.Proposals.CountAsync()));
        Assert.Equal(1, await desk.QueryAsync(db => db.ReviewItems.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_with_conflict_when_externalId_is_reused_for_other_content()
    {
        await using var desk = await StartAsync();
        await desk.SubmitOkAsync("a.txt", Letters.UndanganBytes(12), externalId: "X-1");

        var reused = await desk.SubmitAsync("b.txt", Letters.UndanganBytes(13), externalId: "X-1");

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(1, await desk.QueryAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Should_make_one_document_when_same_file_comes_twice_from_one_source()
    {
        await using var desk = await StartAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => desk.SubmitAsync("same.txt", Letters.UndanganBytes(14))));

        var ids = await Task.WhenAll(results.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await desk.QueryAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_an_empty_file_with_a_clear_error()
    {
        await using var desk = await StartAsync();
        var response = await desk.SubmitAsync("kosong.txt", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("empty_file", problem.GetProperty("code").GetString());
        Assert.Equal(0, await desk.QueryAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_an_oversize_file_and_store_nothing()
    {
        await using var desk = await StartAsync(extra: new() { ["Intake:MaxBytes"] = "1000" });
        var response = await desk.SubmitAsync("besar.txt", Encoding.UTF8.GetBytes(new string('a', 5000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("file_too_large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, await desk.QueryAsync(db => db.Documents.CountAsync()));
        // Nothing kept and nothing left in the spool, whichever store keeps the blobs.
        Assert.DoesNotContain(Directory.EnumerateFiles(DataDirectory, "*", SearchOption.AllDirectories),
            f => f.Contains($"{Path.DirectorySeparatorChar}blobs{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || f.Contains($"{Path.DirectorySeparatorChar}incoming{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        if (UsePostgres)
        {
            Assert.Equal(0, await desk.QueryAsync(db => db.Set<StoredBlob>().CountAsync()));
        }
    }

    [Fact]
    public async Task Should_refuse_an_unsupported_type_with_415()
    {
        await using var desk = await StartAsync();
        var response = await desk.SubmitAsync("setup.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_type", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Should_route_a_corrupt_pdf_to_manual_triage_with_the_reason()
    {
        await using var desk = await StartAsync();
        var id = await desk.SubmitOkAsync("rusak.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref"));

        var document = await desk.WaitForStatusAsync(id, "manual_triage");

        Assert.Contains("PDF", document.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        using var clerk = await desk.ClerkAsync();
        var inbox = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/review/inbox");
        var line = inbox.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("documentId").GetGuid() == id);
        Assert.False(string.IsNullOrEmpty(line.GetProperty("manualTriageReason").GetString()));
    }

    [Fact]
    public async Task Should_route_an_image_to_manual_triage_as_having_no_text_layer()
    {
        await using var desk = await StartAsync();
        // A real, decodable 1×1 white PNG: OCR runs on it and finds no word.
        byte[] png =
        [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x37, 0x6E, 0xF9,
            0x24, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0x68, 0x00, 0x00, 0x00,
            0x82, 0x00, 0x81, 0xDD, 0x43, 0x6A, 0xF4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
            0x42, 0x60, 0x82,
        ];

        var document = await desk.WaitForStatusAsync(await desk.SubmitOkAsync("scan.png", png), "manual_triage");

        Assert.Equal(ExtractionReasons.NoTextLayer, document.GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task Should_keep_only_the_last_segment_when_file_name_has_path_characters()
    {
        await using var desk = await StartAsync();
        var id = await desk.SubmitOkAsync("../../etc/cron.d/surat.txt", Letters.UndanganBytes(15));

        Assert.Equal("surat.txt", (await desk.DocumentAsync(id)).GetProperty("fileName").GetString());
        Assert.False(File.Exists(Path.Combine(DataDirectory, "..", "..", "etc", "cron.d", "surat.txt")));
    }

    [Fact]
    public async Task Should_drive_on_documents_left_unfinished_when_the_desk_restarts()
    {
        Guid id;
        await using (var intakeOnly = await StartAsync(stages: ""))
        {
            id = await intakeOnly.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(16));
            await Task.Delay(500);
            Assert.Equal("received", (await intakeOnly.DocumentAsync(id)).GetProperty("status").GetString());
        }

        await using var restarted = await StartAsync();
        await restarted.WaitForStatusAsync(id, "in_review");
    }

    [Fact]
    public async Task Should_show_a_document_to_a_clerk_when_no_stage_moves_it_for_too_long()
    {
        await using var desk = await StartAsync(stages: "", extra: new() { ["Pipeline:StuckAfter"] = "00:00:03" });
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(18));

        var document = await desk.WaitForStatusAsync(id, "manual_triage");

        Assert.StartsWith("no progress since", document.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await desk.QueryAsync(db => db.ReviewItems.CountAsync(r => r.DocumentId == id)));
    }

    [Fact]
    public async Task Should_send_document_to_manual_triage_when_a_stage_keeps_failing()
    {
        await using var desk = await StartAsync();
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(17));
        await desk.WaitForStatusAsync(id, "in_review");

        // Break the stored text and put the document back before the proposal stage: the stage
        // now fails on every attempt, as it would on a persistent storage fault.
        await desk.QueryAsync(async db =>
        {
            await db.ReviewItems.Where(r => r.DocumentId == id).ExecuteDeleteAsync();
            await db.Proposals.Where(p => p.DocumentId == id).ExecuteDeleteAsync();
            await db.DocumentTexts.Where(t => t.DocumentId == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.PagesJson, "not json"));
            return await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DocumentStatus.Extracted)
                .SetProperty(d => d.PublishPending, true)
                .SetProperty(d => d.UpdatedAt, DateTimeOffset.UtcNow.AddMinutes(-5)));
        });

        var document = await desk.WaitForStatusAsync(id, "manual_triage");

        Assert.StartsWith("proposal failed after retries", document.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
    }
}
