using MimeKit;
using MimeKit.Cryptography;

namespace KpuTriage.Core.Email;

/// <summary>
/// Splits a message's MIME tree into the body (its text/plain parts, or the HTML where an
/// alternative offers no plain text) and the attachments: every other leaf, inline images
/// included (a letter pasted into a mail is still the letter), and every attached message.
/// </summary>
internal sealed class MailParts
{
    private MailParts()
    {
    }

    /// <summary>The body's pieces in order; HTML already turned into text.</summary>
    public List<string> Body { get; } = [];

    /// <summary>In MIME order; a message/rfc822 part is one attachment, not opened here.</summary>
    public List<MimeEntity> Attachments { get; } = [];

    public static MailParts Of(MimeMessage message)
    {
        var parts = new MailParts();
        if (message.Body is { } body)
        {
            parts.Visit(body, bodyWanted: true);
        }

        return parts;
    }

    private void Visit(MimeEntity entity, bool bodyWanted)
    {
        switch (entity)
        {
            case MultipartSigned signed when signed.Count > 0:
                // The second part is the signature: proof for a mail client, not a file the sender attached.
                Visit(signed[0], bodyWanted);
                break;
            case MultipartAlternative alternative:
                // One rendering is the body; the others only lend their images and files.
                var chosen = Preferred(alternative);
                foreach (var child in alternative)
                {
                    Visit(child, bodyWanted && ReferenceEquals(child, chosen));
                }

                break;
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Visit(child, bodyWanted);
                }

                break;
            case TextPart text when IsBodyText(text):
                if (bodyWanted)
                {
                    Body.Add(text.IsHtml ? HtmlText.ToPlain(text.Text) : text.Text);
                }

                break;
            default:
                Attachments.Add(entity);
                break;
        }
    }

    private static MimeEntity? Preferred(MultipartAlternative alternative) =>
        alternative.FirstOrDefault(e => e is TextPart { IsPlain: true } t && IsBodyText(t))
        ?? alternative.FirstOrDefault(e => e is TextPart { IsHtml: true } t && IsBodyText(t))
        ?? alternative.FirstOrDefault(e => e is Multipart);

    private static bool IsBodyText(TextPart part) => (part.IsPlain || part.IsHtml) && !part.IsAttachment && part.FileName is null;
}
