using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KpuTriage.Tests.Email;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace KpuTriage.Tests.Security;

/// <summary>
/// A second integration ("mallory", a key an admin made for another system) attacks the first
/// ("default", the key of the office's main integration) over HTTP, once per storage provider
/// (the derived classes): it must neither act under the first one's source nor learn anything
/// about the first one's letters. People keep reading every letter.
/// </summary>
public abstract class IntegrationScopeSpecs : OnEachStorage
{
    private static readonly string[] BadSources = ["ok", "tab\there"];

    private Desk desk = null!;
    private HttpClient mallory = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        desk = await Desk.StartAsync(new DeskSettings { DataDirectory = DataDirectory, PostgresConnectionString = PostgresConnectionString });
        mallory = await desk.NewIntegrationAsync("mallory");
    }

    public override async Task DisposeAsync()
    {
        mallory.Dispose();
        await desk.DisposeAsync();
        await base.DisposeAsync();
    }

    // Read as a string (from the response's buffer), so a test may read one answer twice.
    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<Guid> AcceptedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await BodyAsync(response)).GetProperty("id").GetGuid();
    }

    private Task<int> DocumentCountAsync() => desk.QueryAsync(db => db.Documents.CountAsync());

    [Fact]
    public async Task Should_refuse_with_403_when_a_second_integration_posts_under_the_first_ones_source()
    {
        var before = await DocumentCountAsync();

        using var response = await Desk.SubmitAsync(mallory, "surat.txt", Letters.UndanganBytes(1), source: "default");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("source_not_allowed", (await BodyAsync(response)).GetProperty("code").GetString());
        Assert.Equal(before, await DocumentCountAsync());
    }

    [Fact]
    public async Task Should_not_name_the_first_integrations_document_when_a_second_reuses_its_external_id()
    {
        var first = await AcceptedIdAsync(await desk.SubmitAsync("asli.txt", Letters.UndanganBytes(2), externalId: "SRIKANDI-2"));

        using var underItsOwnSource = await Desk.SubmitAsync(mallory, "palsu.txt", Letters.UndanganBytes(3), externalId: "SRIKANDI-2");
        using var underTheFirstsSource = await Desk.SubmitAsync(mallory, "palsu.txt", Letters.UndanganBytes(3), externalId: "SRIKANDI-2", source: "default");

        var own = await AcceptedIdAsync(underItsOwnSource);
        Assert.NotEqual(first, own);
        Assert.False((await BodyAsync(underItsOwnSource)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, underTheFirstsSource.StatusCode);
        foreach (var response in new[] { underItsOwnSource, underTheFirstsSource })
        {
            Assert.DoesNotContain(first.ToString(), await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(first.ToString(), response.Headers.Location?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Should_answer_a_second_integration_exactly_as_for_an_unknown_id_when_it_reads_the_first_ones_document()
    {
        var first = await AcceptedIdAsync(await desk.SubmitAsync("rahasia.txt", Letters.RahasiaBytes(4)));
        var unknown = Guid.NewGuid();

        using var foreign = await mallory.GetAsync($"/api/v1/documents/{first}");
        using var missing = await mallory.GetAsync($"/api/v1/documents/{unknown}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(missing.Content.Headers.ContentType, foreign.Content.Headers.ContentType);
        Assert.Equal(await ShapeAsync(missing, unknown), await ShapeAsync(foreign, first));
        // The first integration and the office's people still read it.
        Assert.Equal(HttpStatusCode.OK, (await desk.Integration.GetAsync($"/api/v1/documents/{first}")).StatusCode);
        using var clerk = await desk.ClerkAsync();
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/v1/documents/{first}")).StatusCode);
    }

    [Fact]
    public async Task Should_hide_the_attachments_of_the_first_integrations_mail_from_a_second_and_show_them_to_the_first()
    {
        var mail = TestMails.Build("Undangan", b =>
        {
            b.TextBody = Letters.Undangan(5);
            b.Attachments.Add("lampiran.txt", Letters.UndanganBytes(6), ContentType.Parse("text/plain"));
        }).ToBytes();
        var mailId = await AcceptedIdAsync(await desk.SubmitAsync("surat.eml", mail));
        var read = await desk.WaitForStatusAsync(mailId, "in_review", "manual_triage");
        var attachment = Assert.Single(read.GetProperty("attachments").EnumerateArray()).GetProperty("id").GetGuid();

        using var foreign = await mallory.GetAsync($"/api/v1/documents/{attachment}");
        using var own = await desk.Integration.GetAsync($"/api/v1/documents/{attachment}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(mailId, (await BodyAsync(own)).GetProperty("parentId").GetGuid());
    }

    [Fact]
    public async Task Should_not_tell_a_second_integration_whether_the_first_received_a_letter_when_it_sends_the_same_content()
    {
        var letter = Letters.UndanganBytes(7);
        var first = await AcceptedIdAsync(await desk.SubmitAsync("surat.txt", letter));

        using var probe = await Desk.SubmitAsync(mallory, "surat.txt", letter);
        var probed = await AcceptedIdAsync(probe);
        using var again = await Desk.SubmitAsync(mallory, "surat.txt", letter);

        Assert.NotEqual(first, probed);
        Assert.False((await BodyAsync(probe)).GetProperty("duplicate").GetBoolean());
        // Its own re-submission is still recognised, as its own.
        Assert.True((await BodyAsync(again)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(probed, await AcceptedIdAsync(again));
    }

    [Fact]
    public async Task Should_keep_the_first_integrations_future_external_id_free_when_a_second_uses_it_first()
    {
        var squatted = await AcceptedIdAsync(await Desk.SubmitAsync(mallory, "serobot.txt", Letters.UndanganBytes(8), externalId: "SRIKANDI-9"));

        using var genuine = await desk.SubmitAsync("asli.txt", Letters.UndanganBytes(9), externalId: "SRIKANDI-9");

        var id = await AcceptedIdAsync(genuine);
        Assert.NotEqual(squatted, id);
        Assert.False((await BodyAsync(genuine)).GetProperty("duplicate").GetBoolean());
        var document = await desk.DocumentAsync(id);
        Assert.Equal("asli.txt", document.GetProperty("fileName").GetString());
        Assert.Equal("default", document.GetProperty("source").GetString());
        Assert.Equal("SRIKANDI-9", document.GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task Should_record_and_show_a_further_source_when_an_admin_allowed_it_to_the_key()
    {
        using var gateway = await desk.NewIntegrationAsync("gateway", "email-gateway");

        var underFurther = await AcceptedIdAsync(await Desk.SubmitAsync(gateway, "a.txt", Letters.UndanganBytes(10), source: "email-gateway"));
        var underName = await AcceptedIdAsync(await Desk.SubmitAsync(gateway, "b.txt", Letters.UndanganBytes(11)));
        using var underAnother = await Desk.SubmitAsync(gateway, "c.txt", Letters.UndanganBytes(12), source: "default");

        Assert.Equal(HttpStatusCode.Forbidden, underAnother.StatusCode);
        var further = await BodyAsync(await gateway.GetAsync($"/api/v1/documents/{underFurther}"));
        Assert.Equal("email-gateway", further.GetProperty("source").GetString());
        var named = await BodyAsync(await gateway.GetAsync($"/api/v1/documents/{underName}"));
        Assert.Equal("gateway", named.GetProperty("source").GetString());
        // Another key sees neither.
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/api/v1/documents/{underFurther}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Integration.GetAsync($"/api/v1/documents/{underName}")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_key_whose_further_source_is_not_a_plain_name()
    {
        using var admin = await desk.AdminAsync();

        using var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "bad", sources = BadSources });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("key-source-invalid", (await BodyAsync(response)).GetProperty("code").GetString());
        Assert.False(await desk.QueryAsync(db => db.ApiKeys.AnyAsync(k => k.Name == "bad")));
    }

    [Fact]
    public async Task Should_let_an_admin_allow_further_sources_from_the_keys_page()
    {
        using var admin = await DeskSession.SignInAsync(desk, "admin", DeskSettings.AdminPassword);

        using var page = await DeskSession.PostFormAsync(admin, "/admin/keys?handler=Create",
            new Dictionary<string, string> { ["Name"] = "pemindai", ["Sources"] = "scanner-lantai-1, scanner-lantai-2" }, formPage: "/admin/keys");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"new-key\">([^<]+)</code>").Groups[1].Value;
        Assert.Contains("scanner-lantai-2", html, StringComparison.Ordinal);
        using var scanner = desk.NewClient();
        scanner.DefaultRequestHeaders.Add("X-Api-Key", key);
        var id = await AcceptedIdAsync(await Desk.SubmitAsync(scanner, "scan.txt", Letters.UndanganBytes(13), source: "scanner-lantai-2"));
        Assert.Equal("scanner-lantai-2", (await BodyAsync(await scanner.GetAsync($"/api/v1/documents/{id}"))).GetProperty("source").GetString());
    }

    [Fact]
    public async Task Should_refuse_every_call_of_a_revoked_key_even_for_its_own_documents()
    {
        var own = await AcceptedIdAsync(await Desk.SubmitAsync(mallory, "surat.txt", Letters.UndanganBytes(14)));
        using var admin = await DeskSession.SignInAsync(desk, "admin", DeskSettings.AdminPassword);

        using var revoke = await DeskSession.PostFormAsync(admin, "/admin/keys?handler=Revoke", new Dictionary<string, string> { ["Name"] = "mallory" }, formPage: "/admin/keys");

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await mallory.GetAsync($"/api/v1/documents/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Desk.SubmitAsync(mallory, "lagi.txt", Letters.UndanganBytes(15))).StatusCode);
    }

    [Fact]
    public async Task Should_record_a_person_s_upload_under_their_own_name_and_refuse_another_source()
    {
        using var clerk = await desk.ClerkAsync();

        var id = await AcceptedIdAsync(await Desk.SubmitAsync(clerk, "dari-loket.txt", Letters.UndanganBytes(16)));
        using var asIntegration = await Desk.SubmitAsync(clerk, "menyamar.txt", Letters.UndanganBytes(17), externalId: "SRIKANDI-17", source: "default");

        Assert.Equal(Desk.ClerkName, (await BodyAsync(await clerk.GetAsync($"/api/v1/documents/{id}"))).GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, asIntegration.StatusCode);
        Assert.Equal("source_not_allowed", (await BodyAsync(asIntegration)).GetProperty("code").GetString());
    }

    /// <summary>A problem document with its own id written as {id} and the per-request trace id left out.</summary>
    private static async Task<string> ShapeAsync(HttpResponseMessage response, Guid id)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return new StringBuilder(body.ToJsonString()).Replace(id.ToString(), "{id}").ToString();
    }
}
