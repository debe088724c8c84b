using KpuTriage.Core.Blobs;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// The OCR stage: reads a document the extract stage found scanned pages in (its text layer
/// again, then the scans), within the document's OCR budget, and moves it on as the extract
/// stage would have.
/// </summary>
public sealed class OcrConsumer(
    TriageDb db, IBlobStore blobs, TextExtractor extractor, Handoff handoff, TimeProvider clock, ILogger<OcrConsumer> log)
    : IConsumer<OcrRequested>
{
    public async Task Consume(ConsumeContext<OcrRequested> context)
    {
        var ct = context.CancellationToken;
        var document = await StageInput.LoadAsync(db, context.Message.DocumentId, DocumentStatus.AwaitingOcr, log, ct);
        if (document is null)
        {
            return;
        }

        ExtractionResult result;
        await using (var content = await blobs.OpenReadAsync(document.Sha256, ct))
        {
            result = content is null ? ExtractionHandoff.MissingFile : await extractor.ExtractAsync(content, document.Kind, ct);
        }

        await ExtractionHandoff.FinishAsync(db, handoff, document, result, clock.GetUtcNow(), () => Task.FromResult(ExtractionHandoff.NoChildren), ct);
    }
}
