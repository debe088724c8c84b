namespace KpuTriage.Core.Documents;

/// <summary>The file formats KpuTriage accepts; anything else is refused at intake.</summary>
public enum DocumentKind
{
    Text,
    Pdf,
    Docx,
    Image,

    /// <summary>An e-mail (.eml): its body is read as the letter; each attachment becomes a document of its own.</summary>
    Email,
}
