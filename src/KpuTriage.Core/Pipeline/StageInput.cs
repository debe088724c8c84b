using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// How every stage starts: load the document and go on only if it is at the stage's input
/// status. Anything else is a redelivery or a redrive of work already done, and is acked.
/// </summary>
public static class StageInput
{
    public static async Task<Document?> LoadAsync(TriageDb db, Guid documentId, DocumentStatus expected, ILogger log, CancellationToken ct)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            // Never normal: a message for a document this database does not hold means two
            // offices (or a test and production) share one RabbitMQ virtual host.
            log.LogWarning("Message for unknown document {DocumentId}: does another installation share this RabbitMQ virtual host?", documentId);
            return null;
        }

        return document.Status == expected ? document : null;
    }
}
