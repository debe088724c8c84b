using KpuTriage.Core.Intake;
using MimeKit;

namespace KpuTriage.Core.Email;

/// <summary>
/// The file name a clerk sees for an attachment: the one the sender gave (RFC 2047 and 2231
/// decoded by MimeKit), sanitised like every name from outside; else "lampiran-N" or the
/// attached mail's subject. An extension is added from the MIME type where the name has
/// none, since detection reads DOCX, text and mail by their extension.
/// </summary>
internal static class AttachmentNames
{
    public static string For(MimeEntity entity, int index)
    {
        var given = entity switch
        {
            MimePart part => part.FileName,
            MessagePart message => entity.ContentDisposition?.FileName ?? entity.ContentType.Name ?? SubjectAsName(message),
            _ => entity.ContentDisposition?.FileName ?? entity.ContentType.Name,
        };
        var name = FileNames.Sanitize(string.IsNullOrWhiteSpace(given) ? $"lampiran-{index}" : given);
        if (entity is MessagePart)
        {
            return name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) ? name : FileNames.Sanitize(name + ".eml");
        }

        return Path.HasExtension(name) || !MimeTypes.TryGetExtension(entity.ContentType.MimeType, out var extension)
            ? name
            : FileNames.Sanitize(name + extension);
    }

    // A subject is not a path: "Undangan 3/2025" must not shrink to "2025".
    private static string? SubjectAsName(MessagePart part) =>
        part.Message?.Subject?.Replace('/', '-').Replace('\\', '-');
}
