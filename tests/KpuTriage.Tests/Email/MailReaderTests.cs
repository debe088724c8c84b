using System.Text;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Email;
using KpuTriage.Tests.Extraction;
using MimeKit;

namespace KpuTriage.Tests.Email;

public sealed class MailReaderTests
{
    private static readonly MailLimits Limits = new(MaxAttachments: 50, MaxAttachmentBytes: 50L * 1024 * 1024, OpenNestedMail: true);

    private static readonly byte[] Pdf = TestPdfs.WithText(["Nomor : 7/PL.02.1-Und/32/2025", "Hal : Undangan Rapat"]);

    private static readonly byte[] Zip = [.. "PK\u0003\u0004"u8, 20, 0, 0, 0, 8, 0];

    // A real 1×1 white PNG.
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x37, 0x6E, 0xF9,
        0x24, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0x68, 0x00, 0x00, 0x00,
        0x82, 0x00, 0x81, 0xDD, 0x43, 0x6A, 0xF4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ];

    private static MailReading Read(MimeMessage message, MailLimits? limits = null) => MailReader.Read(message.ToBytes(), limits ?? Limits);

    private static string TextOf(MailReading reading)
    {
        Assert.Null(reading.Text.ManualTriageReason);
        return Assert.Single(reading.Text.Pages).Text;
    }

    private static string Raw(MimeMessage message) => Encoding.ASCII.GetString(message.ToBytes());

    [Fact]
    public void Should_open_with_a_header_block_in_Indonesian_then_the_body_when_a_mail_is_read()
    {
        var reading = Read(TestMails.Build("Undangan Rapat Koordinasi", b => b.TextBody = "Dengan hormat,\r\nKami mengundang Saudara.\r\n"));

        Assert.Equal(MailReader.Method, reading.Text.Method);
        Assert.Equal(
            """
            Dari: Sekretariat KPU Provinsi Jawa Barat <sekretariat@kpu-jabarprov.go.id>
            Kepada: KPU Kabupaten Purwakarta <kab_purwakarta@kpu.go.id>
            Tanggal: 12 Maret 2025 09.15 +0700
            Subjek: Undangan Rapat Koordinasi

            Dengan hormat,
            Kami mengundang Saudara.
            """.ReplaceLineEndings("\n"),
            TextOf(reading));
    }

    [Fact]
    public void Should_decode_encoded_words_when_subject_and_sender_name_are_not_ascii()
    {
        var message = TestMails.Build("Undangan – Rapat Pleno “Rekapitulasi” Suara", b => b.TextBody = "Dengan hormat,");
        message.From.Clear();
        message.From.Add(new MailboxAddress("Ratna Déwi Sulistyowati", "ratna@example.id"));

        Assert.Contains("=?utf-8?", Raw(message), StringComparison.OrdinalIgnoreCase);
        var text = TextOf(Read(message));
        Assert.Contains("Dari: Ratna Déwi Sulistyowati <ratna@example.id>\n", text, StringComparison.Ordinal);
        Assert.Contains("Subjek: Undangan – Rapat Pleno “Rekapitulasi” Suara\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContentEncoding.QuotedPrintable, "=E2=80")]
    [InlineData(ContentEncoding.Base64, "Content-Transfer-Encoding: base64")]
    public void Should_decode_the_body_when_it_is_transfer_encoded(ContentEncoding encoding, string onTheWire)
    {
        const string body = "Anggaran Rp 1.500.000,– untuk “Bimtek” PPK di Kecamatan Cibatu.";
        var message = TestMails.Build("Anggaran Bimtek", b => b.TextBody = body);
        Assert.IsType<TextPart>(message.Body).ContentTransferEncoding = encoding;

        Assert.Contains(onTheWire, Raw(message), StringComparison.Ordinal);
        Assert.EndsWith("\n\n" + body, TextOf(Read(message)), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_decode_the_body_when_it_is_in_a_windows_code_page()
    {
        const string body = "Perihal “Surat Edaran” KPU tentang Pemutakhiran Data — mohon segera.";
        var message = TestMails.Build("Surat Edaran", _ => { });
        var part = new TextPart("plain");
        part.SetText(CodePagesEncodingProvider.Instance.GetEncoding(1252)!, body);
        message.Body = part;

        Assert.Contains("charset=windows-1252", Raw(message), StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(body, TextOf(Read(message)), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_the_words_of_the_html_without_tags_or_scripts_when_a_mail_has_only_html()
    {
        var message = TestMails.Build("Undangan", b => b.HtmlBody =
            "<html><head><title>Judul</title><style>p{color:red}</style><script>alert('x')</script></head>"
            + "<body><p>Yth. <b>Ketua KPU</b> &amp; anggota</p><table><tr><td>Nomor</td><td>:</td><td>12/PL.01-Und/3214/2025</td></tr></table>"
            + "<!-- catatan internal --><p>Hormat&nbsp;kami,<br>Sekretaris</p></body></html>");

        var text = TextOf(Read(message));

        Assert.EndsWith("\n\nYth. Ketua KPU & anggota\nNomor\t:\t12/PL.01-Und/3214/2025\nHormat kami,\nSekretaris", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Judul", text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
        Assert.DoesNotContain("catatan internal", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_prefer_the_plain_text_when_a_mail_offers_plain_and_html()
    {
        var text = TextOf(Read(TestMails.Build("Undangan", b =>
        {
            b.TextBody = "Versi teks biasa";
            b.HtmlBody = "<p>Versi HTML</p>";
        })));

        Assert.EndsWith("\n\nVersi teks biasa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Versi HTML", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_each_readable_attachment_in_order_when_a_mail_carries_files()
    {
        var docx = TestDocx.Build([TestDocx.Paragraph("Nomor : 8/PL.02.1-Und/32/2025")]);
        var reading = Read(TestMails.Build("Dua surat", b =>
        {
            b.TextBody = "Terlampir dua surat.";
            b.Attachments.Add("undangan.pdf", Pdf, ContentType.Parse("application/pdf"));
            b.Attachments.Add("nota.docx", docx, ContentType.Parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        }));

        Assert.Collection(
            reading.Attachments,
            a => Assert.Equal((1, "undangan.pdf", DocumentKind.Pdf), (a.Index, a.FileName, a.Kind)),
            a => Assert.Equal((2, "nota.docx", DocumentKind.Docx), (a.Index, a.FileName, a.Kind)));
        Assert.Equal([Pdf, docx], reading.Attachments.Select(a => a.Content));
        Assert.Empty(reading.Skipped);
    }

    [Theory]
    [InlineData(@"C:\Dokumen\Surat Masuk\undangan.pdf")]
    [InlineData("../../etc/cron.d/undangan.pdf")]
    public void Should_keep_only_the_last_segment_when_an_attachment_name_has_a_path(string sentName)
    {
        var reading = Read(TestMails.Build("Surat", b =>
        {
            b.TextBody = "Terlampir.";
            var part = (MimePart)b.Attachments.Add("x.pdf", Pdf, ContentType.Parse("application/pdf"));
            part.FileName = sentName;
        }));

        Assert.Equal("undangan.pdf", Assert.Single(reading.Attachments).FileName);
    }

    [Fact]
    public void Should_decode_the_attachment_name_when_it_is_rfc_2231_encoded()
    {
        const string name = "Surat Undangan Rapat Koordinasi Pemutakhiran Data Pemilih Berkelanjutan – Kabupaten Purwakarta.pdf";
        var message = TestMails.Build("Surat", b =>
        {
            b.TextBody = "Terlampir.";
            var part = (MimePart)b.Attachments.Add("x.pdf", Pdf, ContentType.Parse("application/pdf"));
            part.FileName = name;
            foreach (var parameter in part.ContentDisposition!.Parameters.Concat(part.ContentType.Parameters))
            {
                parameter.EncodingMethod = ParameterEncodingMethod.Rfc2231;
            }
        });

        Assert.Contains("filename*0*=utf-8''", Raw(message), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(name, Assert.Single(Read(message).Attachments).FileName);
    }

    [Fact]
    public void Should_take_an_inline_image_as_an_attachment_when_it_sits_in_the_html()
    {
        var reading = Read(TestMails.Build("Scan surat", b =>
        {
            var image = b.LinkedResources.Add("scan-surat.png", Png, ContentType.Parse("image/png"));
            b.HtmlBody = $"<p>Berikut scan surat:</p><img src=\"cid:{image.ContentId}\">";
        }));

        var attachment = Assert.Single(reading.Attachments);
        Assert.Equal(("scan-surat.png", DocumentKind.Image), (attachment.FileName, attachment.Kind));
        Assert.EndsWith("\n\nBerikut scan surat:", TextOf(reading), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_an_attached_message_as_an_eml_named_after_its_subject()
    {
        var forwarded = TestMails.Build("Undangan 3/2025", b => b.TextBody = "Surat asli.");
        var reading = Read(TestMails.Build("Fwd: Undangan", b =>
        {
            b.TextBody = "Diteruskan.";
            b.Attachments.Add(new MessagePart { Message = forwarded });
        }));

        var attachment = Assert.Single(reading.Attachments);
        Assert.Equal(("Undangan 3-2025.eml", DocumentKind.Email), (attachment.FileName, attachment.Kind));
        Assert.Equal("Undangan 3/2025", MimeMessage.Load(new MemoryStream(attachment.Content)).Subject);
    }

    [Fact]
    public void Should_list_an_attached_message_without_opening_it_when_nesting_is_at_its_limit()
    {
        var forwarded = TestMails.Build("Surat asli", b => b.TextBody = "Isi.");
        var reading = Read(
            TestMails.Build("Fwd: Fwd: Fwd: Surat", b => b.Attachments.Add(new MessagePart { Message = forwarded })),
            Limits with { OpenNestedMail = false });

        Assert.Empty(reading.Attachments);
        Assert.Equal(new SkippedAttachment(1, "Surat asli.eml", "message/rfc822", SkippedAttachment.TooDeeplyNested), Assert.Single(reading.Skipped));
        Assert.Contains("Lampiran surel bertingkat tidak dibuka: Surat asli.eml", TextOf(reading), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_an_unsupported_attachment_and_not_take_it_when_its_kind_is_unreadable()
    {
        var reading = Read(TestMails.Build("Berkas", b =>
        {
            b.TextBody = "Terlampir.";
            b.Attachments.Add("arsip.zip", Zip, ContentType.Parse("application/zip"));
            b.Attachments.Add("undangan.pdf", Pdf, ContentType.Parse("application/pdf"));
        }));

        Assert.Equal(new SkippedAttachment(1, "arsip.zip", "application/zip", SkippedAttachment.UnsupportedType), Assert.Single(reading.Skipped));
        Assert.Equal(2, Assert.Single(reading.Attachments).Index);
        Assert.Contains("\nLampiran tidak didukung: arsip.zip (application/zip)\n", TextOf(reading), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_an_empty_attachment_and_not_take_it()
    {
        var reading = Read(TestMails.Build("Berkas", b => b.Attachments.Add("kosong.pdf", [], ContentType.Parse("application/pdf"))));

        Assert.Empty(reading.Attachments);
        Assert.Equal(SkippedAttachment.EmptyFile, Assert.Single(reading.Skipped).Reason);
        Assert.Contains("Lampiran kosong: kosong.pdf (application/pdf)", TextOf(reading), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_an_attachment_larger_than_intake_accepts_and_not_take_it()
    {
        var reading = Read(
            TestMails.Build("Berkas", b => b.Attachments.Add("besar.pdf", Pdf, ContentType.Parse("application/pdf"))),
            Limits with { MaxAttachmentBytes = 100 });

        Assert.Empty(reading.Attachments);
        Assert.Equal(SkippedAttachment.TooLarge, Assert.Single(reading.Skipped).Reason);
        Assert.Contains("Lampiran terlalu besar: besar.pdf (application/pdf), lebih dari 100 byte", TextOf(reading), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_no_more_than_the_limit_and_count_the_rest_when_a_mail_has_many_attachments()
    {
        var reading = Read(
            TestMails.Build("Banyak berkas", b =>
            {
                foreach (var n in Enumerable.Range(1, 3))
                {
                    b.Attachments.Add($"catatan-{n}.txt", Encoding.UTF8.GetBytes($"Catatan {n}"), ContentType.Parse("text/plain"));
                }
            }),
            Limits with { MaxAttachments = 2 });

        Assert.Equal(["catatan-1.txt", "catatan-2.txt"], reading.Attachments.Select(a => a.FileName));
        Assert.Contains("Lampiran tidak diambil: 1 lampiran lagi, melebihi batas 2 per surel", TextOf(reading), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_each_attachment_left_out_over_the_limit_with_its_reason()
    {
        var reading = Read(
            TestMails.Build("Banyak berkas", b =>
            {
                foreach (var n in Enumerable.Range(1, 4))
                {
                    b.Attachments.Add($"catatan-{n}.txt", Encoding.UTF8.GetBytes($"Catatan {n}"), ContentType.Parse("text/plain"));
                }
            }),
            Limits with { MaxAttachments = 2 });

        Assert.Equal(
            [new SkippedAttachment(3, "catatan-3.txt", "text/plain", "too_many_attachments"), new SkippedAttachment(4, "catatan-4.txt", "text/plain", "too_many_attachments")],
            reading.Skipped);
        // The text keeps one line for them all rather than one per attachment.
        Assert.DoesNotContain("catatan-3.txt", TextOf(reading), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_strip_a_right_to_left_override_from_an_attachment_name()
    {
        var reading = Read(TestMails.Build("Surat", b =>
        {
            b.TextBody = "Terlampir.";
            var part = (MimePart)b.Attachments.Add("x.txt", Encoding.UTF8.GetBytes("Catatan"), ContentType.Parse("text/plain"));
            part.FileName = "undangan\u202Efdp.txt";
        }));

        Assert.Equal("undanganfdp.txt", Assert.Single(reading.Attachments).FileName);
    }

    [Fact]
    public void Should_list_an_attachment_whose_name_and_content_disagree_with_the_reason()
    {
        var reading = Read(TestMails.Build("Berkas", b =>
        {
            b.TextBody = "Terlampir.";
            b.Attachments.Add("undangan.pdf", Png, ContentType.Parse("application/pdf"));
        }));

        Assert.Equal(new SkippedAttachment(1, "undangan.pdf", "application/pdf", "type_mismatch"), Assert.Single(reading.Skipped));
        Assert.Empty(reading.Attachments);
        Assert.Contains("\nLampiran tidak sesuai namanya: undangan.pdf (application/pdf)", TextOf(reading), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_an_attachment_by_its_position_and_type_when_the_sender_gave_no_name()
    {
        var reading = Read(TestMails.Build("Berkas", b =>
        {
            b.TextBody = "Terlampir.";
            b.Attachments.Add(new MimePart("application", "pdf") { Content = new MimeContent(new MemoryStream(Pdf)), ContentTransferEncoding = ContentEncoding.Base64 });
        }));

        Assert.Equal("lampiran-1.pdf", Assert.Single(reading.Attachments).FileName);
    }

    [Fact]
    public void Should_leave_out_the_signature_when_a_mail_is_signed()
    {
        var signed = new Multipart("signed") { new TextPart("plain") { Text = "Isi surat yang ditandatangani." } };
        signed.ContentType.Parameters.Add("protocol", "application/pkcs7-signature");
        signed.Add(new MimePart("application", "pkcs7-signature") { Content = new MimeContent(new MemoryStream([1, 2, 3])), FileName = "smime.p7s" });
        var message = TestMails.Build("Surat bertanda tangan", _ => { });
        message.Body = signed;

        var reading = Read(message);

        Assert.Empty(reading.Attachments);
        Assert.Empty(reading.Skipped);
        Assert.EndsWith("\n\nIsi surat yang ditandatangani.", TextOf(reading), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ini bukan surel sama sekali\n")]
    [InlineData("X-Foo: bar\r\n\r\nisi tanpa kepala surel")]
    [InlineData("")]
    public void Should_give_a_manual_triage_reason_when_the_bytes_are_no_mail(string content)
    {
        var reading = MailReader.Read(Encoding.ASCII.GetBytes(content), Limits);

        Assert.StartsWith(MailReasons.CorruptEmailPrefix, reading.Text.ManualTriageReason, StringComparison.Ordinal);
        Assert.Empty(reading.Text.Pages);
        Assert.Empty(reading.Attachments);
    }
}
