namespace KpuTriage.Core.Email;

/// <summary>Manual-triage reasons for a mail, in the style of <see cref="Extraction.ExtractionReasons"/>: fixed prefixes, then a short detail.</summary>
public static class MailReasons
{
    /// <summary>MimeKit found no message in the bytes, or a message without a single mail header.</summary>
    public const string CorruptEmailPrefix = "corrupt e-mail: ";
}
