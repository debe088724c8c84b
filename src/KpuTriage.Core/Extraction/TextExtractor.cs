using KpuTriage.Core.Documents;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Reads the text layer of a document, page by page. Bad content never throws: a file the
/// machine cannot read comes back with <see cref="ExtractionResult.ManualTriageReason"/>
/// set, so the letter reaches a clerk instead of a retry loop. Only cancellation and
/// faults of the stream itself (I/O errors, which a retry may cure) escape.
/// </summary>
public sealed class TextExtractor(TextExtractorOptions options)
{
    private readonly TextExtractorOptions _options = Validated(options);

    public TextExtractor()
        : this(new TextExtractorOptions())
    {
    }

    public ExtractionResult Extract(Stream content, DocumentKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        cancellationToken.ThrowIfCancellationRequested();

        var method = kind switch
        {
            DocumentKind.Text => ExtractionMethods.Text,
            DocumentKind.Pdf => ExtractionMethods.PdfText,
            DocumentKind.Docx => ExtractionMethods.Docx,
            _ => ExtractionMethods.None,
        };

        switch (kind)
        {
            case DocumentKind.Image:
                return ExtractionResult.NeedsHuman(method, ExtractionReasons.NoTextLayer);
            case DocumentKind.Text or DocumentKind.Pdf or DocumentKind.Docx:
                break;
            default:
                return ExtractionResult.NeedsHuman(method, ExtractionReasons.UnsupportedKindPrefix + kind);
        }

        var bytes = BoundedRead.ReadAll(content, _options.MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return ExtractionResult.NeedsHuman(
                method, $"{ExtractionReasons.TooLargePrefix}over {_options.MaxBytes} bytes");
        }

        return kind switch
        {
            DocumentKind.Text => PlainTextReader.Read(bytes, _options.MaxPages),
            DocumentKind.Pdf => PdfTextReader.Read(bytes, _options.MaxPages, cancellationToken),
            _ => DocxTextReader.Read(bytes, _options.MaxPages, cancellationToken),
        };
    }

    private static TextExtractorOptions Validated(TextExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPages, 1, "Extraction:MaxPages");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBytes, 1, "Extraction:MaxBytes");
        return options;
    }
}
