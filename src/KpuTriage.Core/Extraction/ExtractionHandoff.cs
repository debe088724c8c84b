using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Core.Review;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// How the extract and OCR stages end: the text read is stored, and the document goes to a
/// clerk with the reason when the result has one, else on to the engine. One save, then the
/// hand-off, so a crash between the two leaves a pending hand-off for the redriver.
/// </summary>
internal static class ExtractionHandoff
{
    /// <param name="children">Documents made from the document (a mail's attachments) when it reads well: staged in the same save, announced after it.</param>
    /// <returns>True when this call moved the document on; false when a concurrent delivery already had.</returns>
    public static async Task<bool> FinishAsync(
        TriageDb db, Handoff handoff, Document document, ExtractionResult result, DateTimeOffset now,
        Func<Task<IReadOnlyList<Document>>> children, CancellationToken ct)
    {
        if (result.ManualTriageReason is { } reason)
        {
            // What was read before a limit or a failing page is kept for the clerk to see.
            if (result.Pages.Count > 0)
            {
                db.DocumentTexts.Add(DocumentText.From(document.Id, result, now));
            }

            await ManualTriage.RouteAsync(db, document, reason, null, now, ct);
            return await db.SaveWinningAsync(ct);
        }

        db.DocumentTexts.Add(DocumentText.From(document.Id, result, now));
        var attachments = await children();
        document.MoveTo(DocumentStatus.Extracted, now, publishPending: true);
        if (!await db.SaveWinningAsync(ct))
        {
            return false;
        }

        await handoff.PublishAsync(document, new TextExtracted(document.Id), ct);
        foreach (var attachment in attachments)
        {
            await handoff.PublishAsync(attachment, new DocumentReceived(attachment.Id), ct);
        }

        return true;
    }

    public static IReadOnlyList<Document> NoChildren { get; } = [];

    /// <summary>The reason when a document's stored file is gone (a blob store restored from an older backup).</summary>
    public static ExtractionResult MissingFile { get; } = ExtractionResult.NeedsHuman(ExtractionMethods.None, "the stored file is missing from the blob store");
}
