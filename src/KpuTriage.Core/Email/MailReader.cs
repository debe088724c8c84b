using System.Text;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;
using MimeKit;

namespace KpuTriage.Core.Email;

/// <summary>
/// Reads an .eml with MimeKit: the text the engine and the clerk read, and which attachments
/// become documents. Like the other readers it never throws on bad content: bytes that are
/// no mail come back with a manual-triage reason.
/// </summary>
public static class MailReader
{
    /// <summary>The <see cref="ExtractionResult.Method"/> of a mail's text.</summary>
    public const string Method = "email";

    static MailReader()
    {
        // MimeKit decodes a part's charset through Encoding.GetEncoding, which on .NET knows
        // windows-1252 and the other legacy code pages old office mail clients still send
        // only once this provider is registered; without it “ ” and — turn into control codes.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // MimeKit would follow 1024 levels of multipart; real clients use four or five. Deeper
    // nesting is kept as one opaque part, which is then listed as unsupported.
    private static readonly ParserOptions Parsing = new() { MaxMimeDepth = 16 };

    // Headers that every real mail carries at least one of; MimeKit accepts any "Name: value" line.
    private static readonly HeaderId[] MailHeaderIds =
        [HeaderId.From, HeaderId.Sender, HeaderId.To, HeaderId.Cc, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId];

    public static MailReading Read(byte[] mail, MailLimits limits)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            using var message = MimeMessage.Load(Parsing, new MemoryStream(mail, writable: false));
            if (!MailHeaderIds.Any(message.Headers.Contains))
            {
                return MailReading.Unreadable(MailReasons.CorruptEmailPrefix + "no From, To, Subject or Date header");
            }

            return Read(message, limits);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException)
        {
            return MailReading.Unreadable(ExtractionReasons.WithDetail(MailReasons.CorruptEmailPrefix, e.Message));
        }
    }

    private static MailReading Read(MimeMessage message, MailLimits limits)
    {
        var parts = MailParts.Of(message);
        var taken = new List<MailAttachment>();
        var skipped = new List<SkippedAttachment>();
        foreach (var (entity, index) in parts.Attachments.Select((entity, i) => (entity, i + 1)))
        {
            var fileName = AttachmentNames.For(entity, index);
            var contentType = entity.ContentType.MimeType.ToLowerInvariant();
            if (index > limits.MaxAttachments)
            {
                // Listed, not decoded: the limit exists so a mail of a thousand files costs little.
                skipped.Add(new SkippedAttachment(index, fileName, contentType, SkippedAttachment.TooManyAttachments));
                continue;
            }

            var content = Decoded(entity);
            var detection = content.Length == 0 || entity is MessagePart ? null : Examine(content, fileName);
            var kind = content.Length == 0 ? null : entity is MessagePart ? DocumentKind.Email : detection!.Kind;
            var reason = content.Length == 0 ? SkippedAttachment.EmptyFile
                : content.LongLength > limits.MaxAttachmentBytes ? SkippedAttachment.TooLarge
                : detection is { Mismatch: true } ? SkippedAttachment.TypeMismatch
                : kind is null ? SkippedAttachment.UnsupportedType
                : kind == DocumentKind.Email && !limits.OpenNestedMail ? SkippedAttachment.TooDeeplyNested
                : null;
            if (reason is null)
            {
                taken.Add(new MailAttachment(index, fileName, contentType, kind!.Value, content));
            }
            else
            {
                skipped.Add(new SkippedAttachment(index, fileName, contentType, reason));
            }
        }

        var overLimit = parts.Attachments.Count - Math.Min(parts.Attachments.Count, limits.MaxAttachments);
        var body = PageText.Normalize(Body(parts.Body, limits.MaxBodyChars));
        var text = PageText.Normalize(MailText.Compose(message, skipped, overLimit, limits, body)).TrimEnd();
        return new MailReading(new ExtractionResult([new ExtractedPage(1, text)], Method, null), taken, skipped);
    }

    // The text parts one after the other, held only as far as can be kept.
    private static string Body(IEnumerable<string> parts, long maxChars)
    {
        var body = new StringBuilder();
        foreach (var part in parts.Select(p => p.Trim('\r', '\n')))
        {
            if (body.Length > 0)
            {
                body.Append("\n\n");
            }

            var room = maxChars - body.Length;
            if (part.Length >= room)
            {
                body.Append(part, 0, (int)Math.Max(room, 0));
                break;
            }

            body.Append(part);
        }

        return body.ToString();
    }

    private static KindDetection Examine(byte[] content, string fileName) =>
        DocumentKindDetector.Examine(content.AsSpan(0, Math.Min(content.Length, DocumentKindDetector.HeadLength)), fileName);

    private static byte[] Decoded(MimeEntity entity)
    {
        using var buffer = new MemoryStream();
        switch (entity)
        {
            case MessagePart { Message: { } attached }:
                attached.WriteTo(buffer);
                break;
            case MimePart { Content: { } content }:
                content.DecodeTo(buffer);
                break;
        }

        return buffer.ToArray();
    }
}
