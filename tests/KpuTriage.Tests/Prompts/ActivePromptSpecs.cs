using System.Text.Json;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Prompts;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Tests.Llm;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Prompts;

/// <summary>
/// The engine sends the active version from the database, not the files: a promotion or a
/// rollback changes what the model is sent with the next letter, and each proposal names the
/// version it was made under. A real desk talks HTTP to <see cref="FakeOpenAi"/>.
/// </summary>
public sealed class ActivePromptSpecs : IAsyncLifetime
{
    private const string Marker = "Tulis ringkasan dalam satu kalimat saja.";

    private readonly TempDirectory data = new();
    private FakeOpenAi fake = null!;
    private Desk desk = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeOpenAi.StartAsync();
        desk = await LlmDesk.StartAsync(data, LlmDesk.Provider("kantor", fake, ProviderLocations.OnPremises));
    }

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        await fake.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_send_the_promoted_versions_prompt_and_name_it_in_the_proposal_when_a_draft_is_promoted()
    {
        var first = await ProposeAsync(41);
        var draft = await DraftAsync(PromptDesk.Edited(Marker));

        await PromoteAsync(draft);
        var second = await ProposeAsync(42);

        Assert.DoesNotContain(Marker, SystemPrompt(fake.Requests[0]), StringComparison.Ordinal);
        Assert.Contains(Marker, SystemPrompt(fake.Requests[1]), StringComparison.Ordinal);
        Assert.Equal(await LabelAsync(1), first);
        Assert.Equal(await LabelAsync(draft), second);
        var hashes = await desk.QueryAsync(db => db.ModelCalls.OrderBy(c => c.CreatedAt).Select(c => c.PromptHash).ToListAsync());
        Assert.Equal([(await VersionAsync(1)).Hash, (await VersionAsync(draft)).Hash], hashes);
    }

    [Fact]
    public async Task Should_send_the_earlier_prompt_again_when_an_admin_rolls_back()
    {
        var draft = await DraftAsync(PromptDesk.Edited(Marker));
        await PromoteAsync(draft);

        await desk.WithVersionsAsync(v => v.RollBackAsync(1, "budi", CancellationToken.None));
        var proposed = await ProposeAsync(43);

        Assert.DoesNotContain(Marker, SystemPrompt(Assert.Single(fake.Requests)), StringComparison.Ordinal);
        Assert.Equal(await LabelAsync(1), proposed);
    }

    [Fact]
    public async Task Should_show_and_offer_the_codes_of_the_active_versions_taxonomy()
    {
        var shipped = PromptFiles.Read(PromptDesk.Shipped);
        var taxonomy = shipped.Taxonomy.Replace(
            "  - code: PY\n", "  - code: KH\n    name: Kehumasan dan hubungan antarlembaga\n  - code: PY\n", StringComparison.Ordinal);
        Assert.NotEqual(shipped.Taxonomy, taxonomy);
        var draft = await DraftAsync(new PromptFiles(shipped.LlmFiles, taxonomy));

        await PromoteAsync(draft);
        await ProposeAsync(44);

        var request = Assert.Single(fake.Requests);
        Assert.Contains("- KH: Kehumasan dan hubungan antarlembaga", SystemPrompt(request), StringComparison.Ordinal);
        var codes = request.Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema").GetProperty("properties")
            .GetProperty("archiveCode").GetProperty("properties").GetProperty("value").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("KH", codes);
    }

    private static string SystemPrompt(FakeRequest request) =>
        request.Json.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("role").GetString() == "system").GetProperty("content").ToString();

    /// <summary>Submits a letter, waits for its proposal and returns the prompt version it names.</summary>
    private async Task<string?> ProposeAsync(int letter)
    {
        var id = await desk.SubmitOkAsync($"undangan-{letter}.txt", Letters.UndanganBytes(letter));
        var document = await desk.WaitForStatusAsync(id, "in_review");
        Assert.Equal("llm", document.GetProperty("proposal").GetProperty("engine").GetString());
        return document.GetProperty("proposal").GetProperty("promptVersion").GetString();
    }

    private Task<int> DraftAsync(PromptFiles files) =>
        desk.WithVersionsAsync(async v => (await v.CreateDraftAsync(1, files, "ani", CancellationToken.None)).Number);

    private async Task<PromptVersion> PromoteAsync(int draft)
    {
        await desk.ReplayedAsync(PromptDesk.Evidence(draft, 1, ("unit", 49, 38, 40)));
        return await desk.WithVersionsAsync(v => v.PromoteAsync(draft, "budi", CancellationToken.None));
    }

    private Task<PromptVersion> VersionAsync(int number) => desk.QueryAsync(db => db.PromptVersions.SingleAsync(v => v.Number == number));

    private async Task<string> LabelAsync(int number) => (await VersionAsync(number)).Label;
}
