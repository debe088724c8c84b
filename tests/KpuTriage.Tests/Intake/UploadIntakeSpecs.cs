using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KpuTriage.Tests.Email;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace KpuTriage.Tests.Intake;

/// <summary>
/// What an upload's name may and may not decide, over HTTP: the type only when the content
/// agrees with it, and nothing about how the name looks on the desk. A mail's attachments
/// follow the same rules, and every one it leaves out is listed with the reason.
/// </summary>
public sealed class UploadIntakeSpecs : IAsyncLifetime
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1];

    private readonly TempDirectory data = new();
    private Desk desk = null!;

    public async Task InitializeAsync() =>
        desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path, Extra = new Dictionary<string, string> { ["Intake:MaxAttachmentsPerMail"] = "1" } });

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_read_a_txt_as_text_when_it_quotes_a_pdf_header_in_its_first_kilobyte()
    {
        var letter = "Catatan teknis: berkas kiriman kemarin hanya berisi %PDF-1.4 lalu terpotong.\n\n" + Letters.Undangan(21);

        var id = await desk.SubmitOkAsync("catatan.txt", Encoding.UTF8.GetBytes(letter));

        var document = await desk.WaitForStatusAsync(id, "in_review", "manual_triage");
        Assert.Equal("text", document.GetProperty("kind").GetString());
        Assert.Equal("in_review", document.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("surat.pdf", "image")]
    [InlineData("surat.txt", "image")]
    public async Task Should_refuse_with_type_mismatch_when_the_name_says_one_type_and_the_content_is_another(string fileName, string content)
    {
        using var response = await desk.SubmitAsync(fileName, PngHeader);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("type_mismatch", problem.GetProperty("code").GetString());
        Assert.Contains(fileName, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(content, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await desk.QueryAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Should_strip_a_right_to_left_override_from_an_uploaded_file_name()
    {
        var id = await desk.SubmitOkAsync("undangan\u202Efdp.txt", Letters.UndanganBytes(22));

        Assert.Equal("undanganfdp.txt", (await desk.DocumentAsync(id)).GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Should_list_every_attachment_left_out_of_a_mail_with_the_reason()
    {
        var mail = TestMails.Build("Tiga lampiran", b =>
        {
            b.TextBody = Letters.Undangan(23);
            b.Attachments.Add("satu.txt", Letters.UndanganBytes(24), ContentType.Parse("text/plain"));
            b.Attachments.Add("dua.txt", Letters.UndanganBytes(25), ContentType.Parse("text/plain"));
            var third = (MimePart)b.Attachments.Add("x.txt", Letters.UndanganBytes(26), ContentType.Parse("text/plain"));
            third.FileName = "tiga\u202Etxt.exe.txt";
        }).ToBytes();

        var id = await desk.SubmitOkAsync("surat.eml", mail);

        var read = await desk.WaitForStatusAsync(id, "in_review", "manual_triage");
        Assert.Equal(["satu.txt"], read.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()));
        var skipped = read.GetProperty("skippedAttachments").EnumerateArray()
            .Select(s => (s.GetProperty("index").GetInt32(), s.GetProperty("fileName").GetString(), s.GetProperty("reason").GetString()));
        Assert.Equal([(2, "dua.txt", "too_many_attachments"), (3, "tigatxt.exe.txt", "too_many_attachments")], skipped);
    }
}
