namespace KpuTriage.Core.Documents;

/// <summary>
/// An attachment of a mail that did not become a document. <paramref name="Reason"/> is a
/// code, as intake refusals are: unsupported_type, type_mismatch, empty_file, file_too_large,
/// too_deeply_nested, too_many_attachments.
/// </summary>
public sealed record SkippedAttachment(int Index, string FileName, string ContentType, string Reason)
{
    public const string UnsupportedType = "unsupported_type";

    /// <summary>Its name says one type and its content is plainly another.</summary>
    public const string TypeMismatch = "type_mismatch";

    /// <summary>It comes after the first Intake:MaxAttachmentsPerMail attachments.</summary>
    public const string TooManyAttachments = "too_many_attachments";
    public const string EmptyFile = "empty_file";
    public const string TooLarge = "file_too_large";
    public const string TooDeeplyNested = "too_deeply_nested";
}
