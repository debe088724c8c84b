using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Triage;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Tests.Triage;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Llm;

/// <summary>
/// The language-model engine end to end: a real desk (SQLite, in-memory transport) whose Semantic
/// Kernel connector talks real HTTP to <see cref="FakeOpenAi"/> on 127.0.0.1.
/// </summary>
public sealed class LlmPipelineSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private FakeOpenAi fake = null!;

    public async Task InitializeAsync() => fake = await FakeOpenAi.StartAsync();

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        data.Dispose();
    }

    private Task<Desk> StartAsync(string location = ProviderLocations.OnPremises, Dictionary<string, string>? extra = null) =>
        LlmDesk.StartAsync(data, LlmDesk.Merge(LlmDesk.Provider("kantor", fake, location), extra ?? []));

    private static JsonElement Proposal(JsonElement document) => document.GetProperty("proposal");

    private static string? Value(JsonElement document, string field) =>
        Proposal(document).GetProperty("fields").GetProperty(field).GetProperty("value").GetString();

    [Fact]
    public async Task Should_send_a_strict_json_schema_with_the_taxonomy_enums_when_a_provider_is_configured()
    {
        await using var desk = await StartAsync();
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(31));

        await desk.WaitForStatusAsync(id, "in_review");

        var format = Assert.Single(fake.Requests).Json.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var schema = format.GetProperty("json_schema");
        Assert.True(schema.GetProperty("strict").GetBoolean());
        var properties = schema.GetProperty("schema").GetProperty("properties");
        List<string> Enum(string field) => [.. properties.GetProperty(field).GetProperty("properties").GetProperty("value").GetProperty("enum").EnumerateArray().Select(e => e.GetString() ?? "null")];
        Assert.Equal(["biasa", "segera", "amat_segera", "null"], Enum("urgency"));
        Assert.Equal(["biasa", "terbatas", "rahasia", "sangat_rahasia", "null"], Enum("security"));
        Assert.Contains("undangan", Enum("letterType"));
        Assert.Contains("subbag_kul", Enum("unit"));
        Assert.Contains("PL", Enum("archiveCode"));
    }

    [Fact]
    public async Task Should_call_the_deployment_with_the_schema_when_the_provider_is_azure_openai()
    {
        await using var desk = await LlmDesk.StartAsync(data, new()
        {
            ["Llm:Providers:azure:Kind"] = "azure-openai",
            ["Llm:Providers:azure:Endpoint"] = fake.Address.ToString(),
            ["Llm:Providers:azure:ApiKey"] = "azure-key-for-tests",
            ["Llm:Providers:azure:Deployment"] = "triage-gpt4o",
            ["Llm:Providers:azure:Location"] = "cloud",
        });
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(39));

        var proposal = Proposal(await desk.WaitForStatusAsync(id, "in_review"));

        var request = Assert.Single(fake.Requests);
        Assert.Equal("/openai/deployments/triage-gpt4o/chat/completions", request.Path);
        Assert.Equal("json_schema", request.Json.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Equal("azure", proposal.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Should_record_provider_model_prompt_and_tokens_when_the_model_proposes()
    {
        fake.Default = _ => FakeReply.Answer(FakeAnswers.Valid(("letterNumber", "32/PL.02.1-Und/32/2025", "Nomor    : 32/PL.02.1-Und/32/2025")));
        await using var desk = await StartAsync();
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(32));

        var proposal = Proposal(await desk.WaitForStatusAsync(id, "in_review"));

        Assert.Equal("llm", proposal.GetProperty("engine").GetString());
        Assert.Equal("kantor", proposal.GetProperty("provider").GetString());
        Assert.Equal("on-premises", proposal.GetProperty("providerLocation").GetString());
        Assert.Equal("fake-model-2025", proposal.GetProperty("model").GetString());
        Assert.StartsWith("triage@", proposal.GetProperty("promptVersion").GetString(), StringComparison.Ordinal);
        Assert.True(proposal.GetProperty("promptTokens").GetInt32() > 0);
        Assert.True(proposal.GetProperty("completionTokens").GetInt32() > 0);
        var number = proposal.GetProperty("fields").GetProperty("letterNumber");
        Assert.Equal("32/PL.02.1-Und/32/2025", number.GetProperty("value").GetString());
        Assert.Equal(1, number.GetProperty("evidence").GetProperty("page").GetInt32());
        var call = await desk.QueryAsync(db => db.ModelCalls.SingleAsync());
        Assert.Equal("kantor", call.Provider);
        Assert.Equal(PromptSet.Name, call.PromptName);
    }

    [Fact]
    public async Task Should_lower_confidence_and_show_both_values_when_model_and_parser_disagree()
    {
        fake.Default = _ => FakeReply.Answer(FakeAnswers.Valid(("letterNumber", "99/XX/2025", "Nomor    : 33/PL.02.1-Und/32/2025")));
        await using var desk = await StartAsync();
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(33));

        var proposal = Proposal(await desk.WaitForStatusAsync(id, "in_review"));

        var number = proposal.GetProperty("fields").GetProperty("letterNumber");
        Assert.Equal("99/XX/2025", number.GetProperty("value").GetString());
        Assert.True(number.GetProperty("lowConfidence").GetBoolean());
        var disagreement = proposal.GetProperty("disagreements").EnumerateArray().Single(d => d.GetProperty("field").GetString() == "letterNumber");
        Assert.Equal("99/XX/2025", disagreement.GetProperty("model").GetString());
        Assert.Equal("33/PL.02.1-Und/32/2025", disagreement.GetProperty("parser").GetString());

        // The clerk sees both readings beside the field, in the desk's language.
        await desk.EnsurePeopleAsync();
        using var siti = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
        var item = System.Net.WebUtility.HtmlDecode(await siti.GetStringAsync($"/item/{id}"));
        Assert.Contains("Model membaca '99/XX/2025', parser membaca '33/PL.02.1-Und/32/2025'", item, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_no_nik_and_restore_it_in_the_answer_when_the_provider_is_cloud()
    {
        fake.Default = _ => FakeReply.Answer(FakeAnswers.Valid(("summary", "Pemohon dengan NIK [NIK-1] meminta salinan berita acara.", null)));
        await using var desk = await StartAsync(ProviderLocations.Cloud);
        var id = await desk.SubmitOkAsync("ppid.txt", Encoding.UTF8.GetBytes(SampleLetters.PermohonanInformasi));

        var document = await desk.WaitForStatusAsync(id, "in_review");

        var request = Assert.Single(fake.Requests);
        Assert.DoesNotContain("3214015208900003", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("2345-6789", request.Body, StringComparison.Ordinal);
        Assert.Contains("[NIK-1]", request.Letter, StringComparison.Ordinal);
        Assert.Equal("Pemohon dengan NIK 3214015208900003 meminta salinan berita acara.", Value(document, "summary"));
        Assert.Equal("cloud", Proposal(document).GetProperty("providerLocation").GetString());
    }

    [Fact]
    public async Task Should_never_call_a_cloud_provider_when_the_letter_is_sangat_rahasia()
    {
        await using var desk = await StartAsync(ProviderLocations.Cloud);
        var id = await desk.SubmitOkAsync("polres.txt", Encoding.UTF8.GetBytes(SampleLetters.PolresSangatRahasia));

        var proposal = Proposal(await desk.WaitForStatusAsync(id, "in_review"));

        Assert.Empty(fake.Requests);
        Assert.Equal("local", proposal.GetProperty("engine").GetString());
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("provider").ValueKind);
        Assert.Contains(proposal.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("stays on the premises", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_use_the_on_premises_provider_when_the_letter_is_rahasia_and_a_cloud_one_serves_open_letters()
    {
        await using var cloud = await FakeOpenAi.StartAsync();
        await using var desk = await LlmDesk.StartAsync(data, LlmDesk.Merge(
            LlmDesk.Provider("kantor", fake, ProviderLocations.OnPremises),
            LlmDesk.Provider("awan", cloud, ProviderLocations.Cloud),
            new() { ["Llm:OpenLetters"] = "awan", ["Llm:RestrictedLetters"] = "kantor" }));
        var secret = await desk.SubmitOkAsync("polres.txt", Encoding.UTF8.GetBytes(SampleLetters.PolresSangatRahasia));
        var open = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(34));

        var secretProposal = Proposal(await desk.WaitForStatusAsync(secret, "in_review"));
        var openProposal = Proposal(await desk.WaitForStatusAsync(open, "in_review"));

        Assert.Equal("kantor", secretProposal.GetProperty("provider").GetString());
        Assert.Equal("awan", openProposal.GetProperty("provider").GetString());
        Assert.Contains("B/412/III/2025/Reskrim", Assert.Single(fake.Requests).Letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Reskrim", Assert.Single(cloud.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_wait_as_retry_after_says_when_the_provider_answers_429()
    {
        fake.Then(FakeReply.Status(429, retryAfterSeconds: 2));
        await using var desk = await StartAsync();
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(35));

        await desk.WaitForStatusAsync(id, "in_review");

        var requests = fake.Requests;
        Assert.Equal(2, requests.Count);
        // The back-off alone is 50 ms: only Retry-After explains two seconds.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1.8), $"retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task Should_stop_after_the_bounded_attempts_and_not_triage_manually_when_429_persists()
    {
        fake.Default = _ => FakeReply.Status(429, retryAfterSeconds: 1);
        await using var desk = await StartAsync(extra: new() { ["Pipeline:RedriveAfter"] = "00:05:00" });
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(36));

        await Eventually.TrueAsync(() => fake.Requests.Count >= 3, TimeSpan.FromSeconds(30));

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(3, fake.Requests.Count);
        var document = await desk.DocumentAsync(id);
        Assert.True(document.GetProperty("status").GetString() == "extracted", document.ToString());
        Assert.True(await desk.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.PublishPending).SingleAsync()));
    }

    [Theory]
    [InlineData("garbage", "not valid JSON")]
    [InlineData("truncated", "cut off")]
    [InlineData("truncated-stop", "not valid JSON")]
    [InlineData("outside-taxonomy", "not a code of the taxonomy")]
    [InlineData("wrong-shape", "has no object")]
    [InlineData("not-a-completion", "could not be read")]
    public async Task Should_send_the_letter_to_manual_triage_without_retrying_when_the_answer_does_not_fit(string kind, string reason)
    {
        var valid = FakeAnswers.Valid();
        fake.Default = _ => kind switch
        {
            "garbage" => FakeReply.Answer("Maaf, saya tidak dapat membantu dengan surat ini."),
            "truncated" => FakeReply.Answer(valid[..(valid.Length / 2)], finishReason: "length"),
            "truncated-stop" => FakeReply.Answer(valid[..(valid.Length / 2)]),
            "outside-taxonomy" => FakeReply.Answer(FakeAnswers.Valid(("urgency", "super_kilat", null))),
            "wrong-shape" => FakeReply.Answer("""{"letterNumber": "1/2/3"}"""),
            _ => FakeReply.Raw("<html><body>502 Bad Gateway (proxy)</body></html>"),
        };
        await using var desk = await StartAsync();
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(37));

        var document = await desk.WaitForStatusAsync(id, "manual_triage");

        Assert.Contains(reason, document.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        Assert.Single(fake.Requests);
        Assert.Equal("kantor", Proposal(document).GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Should_not_call_the_model_again_when_the_same_letter_comes_from_another_source()
    {
        await using var desk = await StartAsync();
        var bytes = Letters.UndanganBytes(38);
        var first = await desk.SubmitOkAsync("undangan.txt", bytes);
        await desk.WaitForStatusAsync(first, "in_review");
        using var gateway = await desk.NewIntegrationAsync("email-gateway");
        var response = await Desk.SubmitAsync(gateway, "undangan.txt", bytes);
        var second = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var proposal = Proposal(await Desk.WaitForStatusAsync(gateway, second, "in_review"));

        Assert.NotEqual(first, second);
        Assert.Single(fake.Requests);
        Assert.True(proposal.GetProperty("cachedAnswer").GetBoolean());
        Assert.Equal(0, proposal.GetProperty("promptTokens").GetInt32());
        Assert.Equal(1, await desk.QueryAsync(db => db.ModelCalls.CountAsync()));
    }

    [Fact]
    public async Task Should_flag_every_injected_letter_and_keep_every_code_in_the_taxonomy_when_the_model_obeys()
    {
        // The fake plays a model that obeys the letters: codes they ask for, and some they invent.
        var obeying = 0;
        fake.Default = _ => FakeReply.Answer(Interlocked.Increment(ref obeying) % 2 == 0
            ? FakeAnswers.Valid(("urgency", "amat_segera", null), ("security", "sangat_rahasia", null), ("register", "ketua", null), ("unit", "div_hukum", null))
            : FakeAnswers.Valid(("urgency", "TOP_PRIORITY", null), ("letterType", "official_instruction", null)));
        await using var desk = await StartAsync();
        var ids = new List<Guid>();
        foreach (var (name, text) in InjectionCorpus.Letters)
        {
            ids.Add(await desk.SubmitOkAsync(name, Encoding.UTF8.GetBytes(text)));
        }

        var taxonomy = Taxonomy.Load(Path.Combine(AppContext.BaseDirectory, "prompts"));
        foreach (var id in ids)
        {
            var proposal = Proposal(await desk.WaitForStatusAsync(id, "in_review", "manual_triage"));
            Assert.True(proposal.GetProperty("injectionSuspected").GetBoolean(), $"document {id} not flagged");
            Assert.NotEmpty(proposal.GetProperty("injectionSigns").EnumerateArray());
            foreach (var field in AnswerSchema.CodedFields)
            {
                var value = proposal.GetProperty("fields").GetProperty(field).GetProperty("value").GetString();
                Assert.True(value is null || taxonomy.Allows(field, value), $"{field} '{value}' is outside the taxonomy");
            }
        }

        Assert.Equal(InjectionCorpus.Letters.Count, fake.Requests.Count);
    }
}
