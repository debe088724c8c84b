namespace KpuTriage.Core.Documents;

/// <summary>The file formats KpuTriage accepts; anything else is refused at intake.</summary>
public enum DocumentKind
{
    Text,
    Pdf,
    Docx,
    Image,
}
