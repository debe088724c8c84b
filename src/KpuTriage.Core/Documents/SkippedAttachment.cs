namespace KpuTriage.Core.Documents;

/// <summary>
/// An attachment of a mail that did not become a document. <paramref name="Reason"/> is a
/// code, as intake refusals are: unsupported_type, empty_file, file_too_large,
/// too_deeply_nested.
/// </summary>
public sealed record SkippedAttachment(int Index, string FileName, string ContentType, string Reason)
{
    public const string UnsupportedType = "unsupported_type";
    public const string EmptyFile = "empty_file";
    public const string TooLarge = "file_too_large";
    public const string TooDeeplyNested = "too_deeply_nested";
}
