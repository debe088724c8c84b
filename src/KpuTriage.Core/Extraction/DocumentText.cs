using System.Text.Json;

namespace KpuTriage.Core.Extraction;

/// <summary>The extracted text of a document, kept per page so evidence can point at a page.</summary>
public sealed class DocumentText
{
    public Guid DocumentId { get; init; }
    public required string Method { get; init; }
    public required string PagesJson { get; init; }
    public int PageCount { get; init; }

    /// <summary>Why only the start of the text was kept (Extraction:MaxPageChars, MaxTextChars); null when it was kept whole.</summary>
    public string? Truncation { get; init; }

    public DateTimeOffset ExtractedAt { get; init; }

    public IReadOnlyList<ExtractedPage> Pages() =>
        JsonSerializer.Deserialize<List<ExtractedPage>>(PagesJson) ?? [];

    public static DocumentText From(Guid documentId, ExtractionResult result, DateTimeOffset now) => new()
    {
        DocumentId = documentId,
        Method = result.Method,
        PagesJson = JsonSerializer.Serialize(result.Pages),
        PageCount = result.Pages.Count,
        Truncation = result.Truncation,
        ExtractedAt = now,
    };
}
