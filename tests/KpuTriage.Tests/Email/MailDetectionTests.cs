using System.Text;
using KpuTriage.Core.Documents;

namespace KpuTriage.Tests.Email;

public sealed class MailDetectionTests
{
    private static byte[] Mail() => TestMails.Build("Undangan", b => b.TextBody = "Dengan hormat,").ToBytes();

    [Theory]
    [InlineData("surat.eml")]
    [InlineData("surat")]
    [InlineData("surat.bin")]
    public void Should_detect_a_mail_from_its_headers_when_it_arrives_under_any_name_but_text(string fileName)
    {
        Assert.Equal(DocumentKind.Email, DocumentKindDetector.Detect(Mail(), fileName));
    }

    [Fact]
    public void Should_keep_a_mail_named_txt_as_text_because_the_sender_said_so()
    {
        Assert.Equal(DocumentKind.Text, DocumentKindDetector.Detect(Mail(), "surat.txt"));
    }

    [Fact]
    public void Should_detect_a_mail_from_its_name_when_its_content_is_garbage()
    {
        Assert.Equal(DocumentKind.Email, DocumentKindDetector.Detect("ini bukan surel"u8, "rusak.EML"));
    }

    [Fact]
    public void Should_detect_a_mail_whose_headers_start_with_received_lines()
    {
        var head = "Received: from mx.kpu.go.id (mx.kpu.go.id [10.0.0.1])\r\n\tby mail.kpu.go.id; Wed, 12 Mar 2025 09:15:00 +0700\r\nFrom: a@kpu.go.id\r\nSubject: Surat\r\n\r\n"u8;

        Assert.Equal(DocumentKind.Email, DocumentKindDetector.Detect(head, "pesan"));
    }

    [Theory]
    [InlineData("Hal: Undangan Rapat\nNomor: 1/PP/2025\n\nDengan hormat,")]
    [InlineData("Subject: Undangan\nTo: Ketua\n\nbody")]
    [InlineData("From: Ketua\nNomor : 1/PP/2025\n")]
    [InlineData(" From: a@b.c\nSubject: x\n\n")]
    public void Should_not_take_a_text_for_a_mail_when_its_first_lines_only_look_like_headers(string head)
    {
        Assert.Null(DocumentKindDetector.Detect(Encoding.UTF8.GetBytes(head), "surat"));
    }
}
