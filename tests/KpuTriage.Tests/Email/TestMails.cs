using MimeKit;

namespace KpuTriage.Tests.Email;

/// <summary>Mails made in the test with MimeKit, as a provincial office's mail client would send them.</summary>
internal static class TestMails
{
    public static readonly DateTimeOffset SentAt = new(2025, 3, 12, 9, 15, 0, TimeSpan.FromHours(7));

    /// <summary>A mail from the provincial office to the regency office; <paramref name="body"/> fills in text, HTML and attachments.</summary>
    public static MimeMessage Build(string subject, Action<BodyBuilder> body)
    {
        var builder = new BodyBuilder();
        body(builder);
        var message = new MimeMessage { Subject = subject, Date = SentAt, Body = builder.ToMessageBody() };
        message.From.Add(new MailboxAddress("Sekretariat KPU Provinsi Jawa Barat", "sekretariat@kpu-jabarprov.go.id"));
        message.To.Add(new MailboxAddress("KPU Kabupaten Purwakarta", "kab_purwakarta@kpu.go.id"));
        return message;
    }

    public static byte[] ToBytes(this MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
