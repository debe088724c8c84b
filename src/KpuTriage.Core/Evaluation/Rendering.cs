using KpuTriage.Core.Documents;

namespace KpuTriage.Core.Evaluation;

/// <summary>
/// Which rendering of a letter a file is. The same letter scores differently as a DOCX, a
/// text PDF and a scan, and the targets differ by rendering, so scores are also kept per group.
/// A file named <c>*.scan.*</c> is a scan whatever its container (a scanned PDF is still a scan).
/// </summary>
public static class Rendering
{
    public const string Docx = "docx";
    public const string Pdf = "pdf";
    public const string Scan = "scan";
    public const string Text = "text";

    public static IReadOnlyList<string> All { get; } = [Docx, Pdf, Scan, Text];

    public static string Of(string fileName, DocumentKind kind)
    {
        if (kind == DocumentKind.Image || fileName.Contains(".scan.", StringComparison.OrdinalIgnoreCase))
        {
            return Scan;
        }

        return kind switch
        {
            DocumentKind.Pdf => Pdf,
            DocumentKind.Docx => Docx,
            _ => Text,
        };
    }
}
