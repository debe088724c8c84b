using System.Globalization;
using System.Text;
using KpuTriage.Core.Documents;
using MimeKit;

namespace KpuTriage.Core.Email;

/// <summary>
/// The text of a mail as a clerk and the engine read it: a short header block with
/// Indonesian labels (Dari, Kepada, Tanggal, Subjek), a line for each attachment that did
/// not become a document, then the body.
/// </summary>
internal static class MailText
{
    // A header value is one line for the clerk; a 10 000-recipient To: is not worth more.
    private const int MaxHeaderValueLength = 500;

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string Compose(MimeMessage message, IReadOnlyList<SkippedAttachment> skipped, int overLimit, MailLimits limits, string body)
    {
        var text = new StringBuilder()
            .Append("Dari: ").AppendLine(HeaderValue(Addresses(message.From)))
            .Append("Kepada: ").AppendLine(HeaderValue(Addresses(message.To)))
            .Append("Tanggal: ").AppendLine(message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? Date(message.Date) : "-")
            .Append("Subjek: ").AppendLine(HeaderValue(message.Subject));
        // Those over the limit share the one line below: a mail of a thousand files does not make a thousand lines.
        foreach (var skip in skipped.Where(s => s.Reason != SkippedAttachment.TooManyAttachments))
        {
            text.AppendLine(SkipLine(skip, limits));
        }

        if (overLimit > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Lampiran tidak diambil: {overLimit} lampiran lagi, melebihi batas {limits.MaxAttachments} per surel (Intake:MaxAttachmentsPerMail)");
        }

        return text.AppendLine().Append(body).ToString();
    }

    private static string SkipLine(SkippedAttachment skip, MailLimits limits) => skip.Reason switch
    {
        SkippedAttachment.UnsupportedType => $"Lampiran tidak didukung: {skip.FileName} ({skip.ContentType})",
        SkippedAttachment.TypeMismatch => $"Lampiran tidak sesuai namanya: {skip.FileName} ({skip.ContentType}), isinya berkas jenis lain",
        SkippedAttachment.EmptyFile => $"Lampiran kosong: {skip.FileName} ({skip.ContentType})",
        SkippedAttachment.TooLarge => string.Create(CultureInfo.InvariantCulture,
            $"Lampiran terlalu besar: {skip.FileName} ({skip.ContentType}), lebih dari {limits.MaxAttachmentBytes} byte (Intake:MaxBytes)"),
        SkippedAttachment.TooDeeplyNested => $"Lampiran surel bertingkat tidak dibuka: {skip.FileName} ({skip.ContentType}), melebihi Intake:MaxMailNesting",
        _ => $"Lampiran tidak diambil: {skip.FileName} ({skip.ContentType})",
    };

    // Name <address>, unquoted: MimeKit's own rendering quotes any name with a space.
    private static string Addresses(IEnumerable<InternetAddress> addresses) => string.Join(", ", addresses.Select(address => address switch
    {
        MailboxAddress { Name.Length: > 0 } mailbox => $"{mailbox.Name} <{mailbox.Address}>",
        MailboxAddress mailbox => mailbox.Address,
        GroupAddress group => $"{group.Name}: {Addresses(group.Members)}",
        _ => address.Name,
    }));

    // 12 Maret 2025 09.15 +0700: the way an Indonesian letter writes a date, which the
    // header parser also reads; the offset keeps the sender's own clock.
    private static string Date(DateTimeOffset date) => string.Create(CultureInfo.InvariantCulture,
        $"{date.Day} {Months[date.Month - 1]} {date.Year} {date:HH.mm} {(date.Offset < TimeSpan.Zero ? '-' : '+')}{date.Offset:hhmm}");

    // Folded or hostile headers carry line breaks and control characters; the block keeps one line per label.
    private static string HeaderValue(string? value)
    {
        var clean = new string((value ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        clean = string.Join(' ', clean.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length == 0)
        {
            return "-";
        }

        return clean.Length <= MaxHeaderValueLength ? clean : clean[..MaxHeaderValueLength] + "…";
    }
}
