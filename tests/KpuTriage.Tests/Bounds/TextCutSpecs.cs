using System.Text;
using System.Text.Json;
using KpuTriage.Tests.Extraction;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Bounds;

/// <summary>
/// The text kept of a letter is bounded (Extraction:MaxPageChars, MaxTextChars), so a huge text
/// cannot swell the database, the engine or the letter page; the clerk and the API are told it was cut.
/// </summary>
public sealed class TextCutSpecs : IDisposable
{
    // The letter page with a whole letter's worth of kept text: well under this.
    private const int PageBytesBound = 2_500_000;

    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Should_keep_a_bounded_text_and_tell_the_clerk_when_a_text_letter_holds_one_line_of_8_MiB()
    {
        await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });
        var letter = Letters.Undangan(61) + "\n" + new string('x', 8 * 1024 * 1024);
        var id = await desk.SubmitOkAsync("panjang.txt", Encoding.UTF8.GetBytes(letter));

        var document = await desk.WaitForStatusAsync(id, "in_review", "manual_triage");

        Assert.Equal("in_review", document.GetProperty("status").GetString());
        Assert.Equal("61/PL.02.1-Und/32/2025", document.GetProperty("proposal").GetProperty("fields").GetProperty("letterNumber").GetProperty("value").GetString());
        await AssertCutAsync(desk, id, document, "text cut: page 1 holds over 50000 characters");
    }

    [Fact]
    public async Task Should_keep_a_bounded_text_and_tell_the_clerk_when_a_docx_holds_millions_of_characters()
    {
        await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });
        var line = string.Concat(Enumerable.Repeat("data pemilih ", 80));
        List<DocumentFormat.OpenXml.OpenXmlElement> blocks = [TestDocx.Paragraph("Nomor : 62/PL.02.1-Und/32/2025"), TestDocx.Paragraph("Hal : Data Pemilih")];
        // 90 pages of 38,400 characters: each page within Extraction:MaxPageChars, the document far over MaxTextChars.
        for (var page = 0; page < 90; page++)
        {
            blocks.AddRange(Enumerable.Range(0, 40).Select(_ => TestDocx.Paragraph(line)));
            blocks.Add(TestDocx.PageBreak());
        }

        var id = await desk.SubmitOkAsync("data-pemilih.docx", TestDocx.Build(blocks));

        var document = await desk.WaitForStatusAsync(id, "in_review", "manual_triage");

        await AssertCutAsync(desk, id, document, "text cut: the document holds over 1000000 characters");
    }

    private static async Task AssertCutAsync(Desk desk, Guid id, JsonElement document, string reason)
    {
        await desk.EnsurePeopleAsync();
        using var siti = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
        var page = await siti.GetStringAsync($"/item/{id}");
        Assert.True(page.Length < PageBytesBound, $"the letter page is {page.Length} characters");
        Assert.True(
            System.Net.WebUtility.HtmlDecode(page).Contains("Teks surat ini dipotong", StringComparison.Ordinal),
            $"no notice on the letter page of a document {document.GetProperty("status")} ({document.GetProperty("statusReason")})");

        var text = document.GetProperty("text");
        Assert.True(text.GetProperty("truncated").GetBoolean());
        Assert.StartsWith(reason, text.GetProperty("truncation").GetString(), StringComparison.Ordinal);
    }
}
