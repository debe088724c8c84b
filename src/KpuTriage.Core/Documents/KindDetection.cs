namespace KpuTriage.Core.Documents;

/// <summary>
/// What intake makes of a file: its <see cref="Kind"/>, or null with the reason. When the name
/// says one kind (<see cref="NamedAs"/>) and the first bytes are plainly another
/// (<see cref="Content"/>), no kind wins: that is a <see cref="Mismatch"/>, not an unsupported type.
/// </summary>
public sealed record KindDetection(DocumentKind? Kind, DocumentKind? NamedAs, ContentSignature Content)
{
    public bool Mismatch => Kind is null && NamedAs is not null && Content is not ContentSignature.None;

    /// <summary>For intake's refusal: "'scan.pdf' is named as a PDF but its content is an image".</summary>
    public string Explain(string fileName) =>
        $"'{fileName}' is named as {Describe(NamedAs)} but its content is {Describe(Content)}";

    private static string Describe(DocumentKind? kind) => kind switch
    {
        DocumentKind.Pdf => "a PDF",
        DocumentKind.Docx => "a DOCX",
        DocumentKind.Email => "an e-mail",
        DocumentKind.Image => "an image",
        _ => "a text file",
    };

    private static string Describe(ContentSignature content) => content switch
    {
        ContentSignature.Pdf => "a PDF",
        ContentSignature.Image => "an image",
        ContentSignature.Zip => "a zip archive",
        ContentSignature.Email => "an e-mail",
        _ => "unknown",
    };
}
