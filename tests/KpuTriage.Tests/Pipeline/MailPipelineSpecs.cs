using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Email;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Tests.Email;
using KpuTriage.Tests.Extraction;
using KpuTriage.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace KpuTriage.Tests.Pipeline;

/// <summary>
/// E-mail through the real desk, once per storage provider (the derived classes): the body is
/// a document, each attachment a document linked to it, and a mail read twice or by two
/// workers at once still makes each attachment once.
/// </summary>
public abstract class MailPipelineSpecs : OnEachStorage
{
    private Task<Desk> StartAsync(string stages = "intake,extract,propose,review") => Desk.StartAsync(new DeskSettings
    {
        DataDirectory = DataDirectory,
        PostgresConnectionString = PostgresConnectionString,
        Stages = stages,
    });

    private static byte[] LetterPdf(int sequence) => TestPdfs.WithText(Letters.Undangan(sequence).Split('\n'));

    private static byte[] LetterDocx(int sequence) => TestDocx.Build(Letters.Undangan(sequence).Split('\n').Select(TestDocx.Paragraph));

    /// <summary>A forwarded letter: a covering text, the letter as a text PDF and a DOCX.</summary>
    private static byte[] MailWithTwoLetters(int sequence) => TestMails.Build($"Undangan Rapat Koordinasi {sequence}", b =>
    {
        b.TextBody = Letters.Undangan(sequence);
        b.Attachments.Add("undangan.pdf", LetterPdf(sequence + 1), ContentType.Parse("application/pdf"));
        b.Attachments.Add("nota-dinas.docx", LetterDocx(sequence + 2),
            ContentType.Parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }).ToBytes();

    private static Task<List<Document>> ChildrenAsync(Desk desk, Guid mailId) =>
        desk.QueryAsync(db => db.Documents.Where(d => d.ParentDocumentId == mailId).OrderBy(d => d.AttachmentIndex).ToListAsync());

    private static async Task<string> TextAsync(Desk desk, Guid id) =>
        Assert.Single((await desk.QueryAsync(db => db.DocumentTexts.SingleAsync(t => t.DocumentId == id))).Pages()).Text;

    [Fact]
    public async Task Should_bring_the_mail_and_each_attachment_to_review_as_linked_documents_when_a_mail_arrives()
    {
        await using var desk = await StartAsync();
        var mailId = await desk.SubmitOkAsync("undangan.eml", MailWithTwoLetters(40));

        var mail = await desk.WaitForStatusAsync(mailId, "in_review", "manual_triage");

        Assert.Equal("email", mail.GetProperty("kind").GetString());
        var attachments = mail.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["undangan.pdf", "nota-dinas.docx"], attachments.Select(a => a.GetProperty("fileName").GetString()));
        var expectedNumbers = new[] { "41/PL.02.1-Und/32/2025", "42/PL.02.1-Und/32/2025" };
        foreach (var (attachment, number) in attachments.Zip(expectedNumbers))
        {
            var child = await desk.WaitForStatusAsync(attachment.GetProperty("id").GetGuid(), "in_review");
            Assert.Equal(mailId, child.GetProperty("parentId").GetGuid());
            Assert.Equal(mail.GetProperty("source").GetString(), child.GetProperty("source").GetString());
            Assert.Equal(mail.GetProperty("receivedAt").GetDateTimeOffset(), child.GetProperty("receivedAt").GetDateTimeOffset());
            Assert.Equal(number, child.GetProperty("proposal").GetProperty("fields").GetProperty("letterNumber").GetProperty("value").GetString());
        }

        Assert.Equal("40/PL.02.1-Und/32/2025", mail.GetProperty("proposal").GetProperty("fields").GetProperty("letterNumber").GetProperty("value").GetString());
        Assert.StartsWith("Dari: Sekretariat KPU Provinsi Jawa Barat", await TextAsync(desk, mailId), StringComparison.Ordinal);
        using var clerk = await desk.ClerkAsync();
        var item = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/review/{mailId}");
        Assert.Equal(2, item.GetProperty("document").GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task Should_make_each_attachment_once_when_the_mail_is_delivered_again_and_again()
    {
        Guid mailId;
        await using (var intakeOnly = await StartAsync(stages: ""))
        {
            mailId = await intakeOnly.SubmitOkAsync("undangan.eml", MailWithTwoLetters(50));
        }

        // On start the redriver hands the mail on once more; three more deliveries race it.
        await using var desk = await StartAsync();
        var bus = desk.Services.GetRequiredService<IBus>();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => bus.Publish(new DocumentReceived(mailId))));
        await desk.WaitForStatusAsync(mailId, "in_review");
        var children = await ChildrenAsync(desk, mailId);
        foreach (var child in children)
        {
            await desk.WaitForStatusAsync(child.Id, "in_review");
        }

        await bus.Publish(new DocumentReceived(mailId));
        await bus.Publish(new TextExtracted(mailId));
        await Task.Delay(1000);

        Assert.Equal([1, 2], (await ChildrenAsync(desk, mailId)).Select(c => c.AttachmentIndex));
        Assert.Equal(3, await desk.QueryAsync(db => db.Documents.CountAsync()));
        Assert.Equal(3, await desk.QueryAsync(db => db.Proposals.CountAsync()));
        Assert.Equal(3, await desk.QueryAsync(db => db.ReviewItems.CountAsync()));
    }

    [Fact]
    public async Task Should_let_only_one_of_two_workers_that_read_the_same_mail_make_its_attachments()
    {
        await using var desk = await StartAsync(stages: "");
        var mailId = await desk.SubmitOkAsync("undangan.eml", MailWithTwoLetters(60));

        // Both workers load the mail while it is still received; the first then reads it.
        await using var first = desk.Services.CreateAsyncScope();
        await using var second = desk.Services.CreateAsyncScope();
        var firstMail = await first.ServiceProvider.GetRequiredService<TriageDb>().Documents.SingleAsync(d => d.Id == mailId);
        var secondMail = await second.ServiceProvider.GetRequiredService<TriageDb>().Documents.SingleAsync(d => d.Id == mailId);
        var firstWon = await ActivatorUtilities.CreateInstance<ExtractTextConsumer>(first.ServiceProvider).ExtractAsync(firstMail, CancellationToken.None);
        var secondWon = await ActivatorUtilities.CreateInstance<ExtractTextConsumer>(second.ServiceProvider).ExtractAsync(secondMail, CancellationToken.None);

        Assert.True(firstWon);
        Assert.False(secondWon);
        Assert.Equal([1, 2], (await ChildrenAsync(desk, mailId)).Select(c => c.AttachmentIndex));
        Assert.Equal("extracted", (await desk.DocumentAsync(mailId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_second_document_for_the_same_attachment_at_the_database()
    {
        await using var desk = await StartAsync(stages: "");
        var mailId = await desk.SubmitOkAsync("undangan.eml", MailWithTwoLetters(70));

        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => desk.QueryAsync(db =>
        {
            foreach (var sha in new[] { new string('a', 64), new string('b', 64) })
            {
                db.Documents.Add(new Document
                {
                    Source = "test", FileName = "lampiran.pdf", Kind = DocumentKind.Pdf, Sha256 = sha,
                    ParentDocumentId = mailId, AttachmentIndex = 1, Status = DocumentStatus.Received,
                });
            }

            return db.SaveChangesAsync();
        }));

        Assert.True(duplicate.IsUniqueViolation());
    }

    [Fact]
    public async Task Should_take_an_attachment_even_when_its_source_sent_the_same_file_before()
    {
        await using var desk = await StartAsync();
        var pdf = LetterPdf(81);
        var direct = await desk.SubmitOkAsync("undangan.pdf", pdf);
        var mailId = await desk.SubmitOkAsync("undangan.eml", TestMails.Build("Undangan", b =>
        {
            b.TextBody = Letters.Undangan(80);
            b.Attachments.Add("undangan.pdf", pdf, ContentType.Parse("application/pdf"));
        }).ToBytes());

        await desk.WaitForStatusAsync(mailId, "in_review", "manual_triage");

        var child = Assert.Single(await ChildrenAsync(desk, mailId));
        Assert.NotEqual(direct, child.Id);
        await desk.WaitForStatusAsync(child.Id, "in_review");
    }

    [Fact]
    public async Task Should_read_the_html_as_text_without_tags_when_a_mail_has_no_plain_text()
    {
        await using var desk = await StartAsync();
        var mailId = await desk.SubmitOkAsync("undangan.eml", TestMails.Build("Undangan", b => b.HtmlBody =
            "<html><head><style>p{margin:0}</style><script>document.write('x')</script></head><body>"
            + string.Concat(Letters.Undangan(90).Split('\n').Select(line => $"<p>{System.Net.WebUtility.HtmlEncode(line)}</p>"))
            + "</body></html>").ToBytes());

        var mail = await desk.WaitForStatusAsync(mailId, "in_review", "manual_triage");

        var body = (await TextAsync(desk, mailId)).Split("\n\n", 2)[1];
        Assert.DoesNotContain('<', body);
        Assert.DoesNotContain('>', body);
        Assert.DoesNotContain("document.write", body, StringComparison.Ordinal);
        // HTML collapses the letter's column spacing, as a browser would show it.
        Assert.Contains("\nHal : Undangan Rapat Koordinasi Pemutakhiran Data Pemilih 90\n", body, StringComparison.Ordinal);
        Assert.Equal("90/PL.02.1-Und/32/2025", mail.GetProperty("proposal").GetProperty("fields").GetProperty("letterNumber").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Should_list_an_unsupported_attachment_on_the_mail_and_make_no_document_of_it()
    {
        await using var desk = await StartAsync();
        var mailId = await desk.SubmitOkAsync("berkas.eml", TestMails.Build("Berkas pendukung", b =>
        {
            b.TextBody = Letters.Undangan(100);
            b.Attachments.Add("arsip.zip", [.. "PK\u0003\u0004"u8, 20, 0, 0, 0, 8, 0], ContentType.Parse("application/zip"));
            b.Attachments.Add("undangan.pdf", LetterPdf(101), ContentType.Parse("application/pdf"));
        }).ToBytes());

        var mail = await desk.WaitForStatusAsync(mailId, "in_review", "manual_triage");

        var skipped = Assert.Single(mail.GetProperty("skippedAttachments").EnumerateArray());
        Assert.Equal(("arsip.zip", "application/zip", "unsupported_type"),
            (skipped.GetProperty("fileName").GetString(), skipped.GetProperty("contentType").GetString(), skipped.GetProperty("reason").GetString()));
        Assert.Equal("undangan.pdf", Assert.Single(mail.GetProperty("attachments").EnumerateArray()).GetProperty("fileName").GetString());
        Assert.Contains("\nLampiran tidak didukung: arsip.zip (application/zip)\n", await TextAsync(desk, mailId), StringComparison.Ordinal);
        Assert.Equal(2, await desk.QueryAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Should_route_a_garbage_eml_to_manual_triage_with_the_reason()
    {
        await using var desk = await StartAsync();
        var mailId = await desk.SubmitOkAsync("rusak.eml", Encoding.ASCII.GetBytes("ini bukan surel, hanya teks rusak\n"));

        var mail = await desk.WaitForStatusAsync(mailId, "manual_triage");

        Assert.StartsWith(MailReasons.CorruptEmailPrefix, mail.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        Assert.Empty(mail.GetProperty("attachments").EnumerateArray());
        Assert.Equal(1, await desk.QueryAsync(db => db.Documents.CountAsync()));
    }
}
