using KpuTriage.Core.Blobs;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Core.Review;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Extraction;

/// <summary>Reads a received document's text and stores it per page, or sends the document to a clerk when it has none.</summary>
public sealed class ExtractTextConsumer(TriageDb db, BlobStore blobs, TextExtractor extractor, Handoff handoff, TimeProvider clock, ILogger<ExtractTextConsumer> log)
    : IConsumer<DocumentReceived>
{
    public async Task Consume(ConsumeContext<DocumentReceived> context)
    {
        var ct = context.CancellationToken;
        var document = await StageInput.LoadAsync(db, context.Message.DocumentId, DocumentStatus.Received, log, ct);
        if (document is null)
        {
            return;
        }

        ExtractionResult result;
        if (!blobs.Exists(document.Sha256))
        {
            result = ExtractionResult.NeedsHuman("none", "the stored file is missing from the blob store");
        }
        else
        {
            await using var content = blobs.OpenRead(document.Sha256);
            result = await extractor.ExtractAsync(content, document.Kind, ct);
        }

        var now = clock.GetUtcNow();
        if (result.ManualTriageReason is { } reason)
        {
            await ManualTriage.RouteAsync(db, document, reason, null, now, ct);
            await db.SaveWinningAsync(ct);
            return;
        }

        db.DocumentTexts.Add(DocumentText.From(document.Id, result, now));
        document.MoveTo(DocumentStatus.Extracted, now, publishPending: true);
        if (await db.SaveWinningAsync(ct))
        {
            await handoff.PublishAsync(document, new TextExtracted(document.Id), ct);
        }
    }
}
