using KpuTriage.Core.Blobs;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Intake;

/// <summary>
/// Accepts a file from any channel: stores the content by hash, records the document, then
/// hands it to the pipeline. The document row is committed before the caller acknowledges,
/// and the same (source, externalId) or (source, content) never makes a second document.
/// Every lookup stays within the request's source, which the channel vouches for (an HTTP
/// caller's key, the watched folder, the broker's publish rights): a duplicate or a conflict
/// is always one of that source's own documents, so naming it tells no one else's.
/// </summary>
public sealed class IntakeService(TriageDb db, IBlobStore blobs, Handoff handoff, IOptions<IntakeOptions> options, TimeProvider clock)
{
    public async Task<IntakeResult> AcceptAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        var source = request.Source.Trim();
        var externalId = string.IsNullOrWhiteSpace(request.ExternalId) ? null : request.ExternalId.Trim();
        if (source.Length is 0 or > 200 || externalId?.Length > 200)
        {
            throw new IntakeRefusedException(IntakeRefusal.Invalid, "source must be 1–200 characters and externalId at most 200.");
        }

        var fileName = FileNames.Sanitize(request.FileName);
        using var pending = await blobs.ReceiveAsync(request.Content, options.Value.MaxBytes, cancellationToken);
        if (pending.ExceededLimit is { } limit)
        {
            throw new IntakeRefusedException(IntakeRefusal.TooLarge, $"'{fileName}' is larger than the limit of {limit:N0} bytes (Intake:MaxBytes).");
        }

        if (pending.Size == 0)
        {
            throw new IntakeRefusedException(IntakeRefusal.Empty, $"'{fileName}' is empty.");
        }

        var existing = await FindExistingAsync(source, externalId, pending.Sha256, cancellationToken);
        if (existing is not null)
        {
            return new IntakeResult(existing, Duplicate: true);
        }

        var detection = DocumentKindDetector.Examine(pending.Head.Span, fileName);
        var kind = detection.Kind ?? throw (detection.Mismatch
            ? new IntakeRefusedException(IntakeRefusal.TypeMismatch, $"{detection.Explain(fileName)}: send it under a name that says what it is.")
            : new IntakeRefusedException(IntakeRefusal.UnsupportedType,
                $"'{fileName}' is not a supported type: send plain text, PDF, DOCX, an image (PNG, JPEG, TIFF) or an e-mail (.eml)."));

        await pending.CommitAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var document = new Document
        {
            Source = source,
            ExternalId = externalId,
            FileName = fileName,
            Kind = kind,
            DeclaredContentType = request.DeclaredContentType?.Length > 200 ? null : request.DeclaredContentType,
            Sha256 = pending.Sha256,
            SizeBytes = pending.Size,
            MetadataJson = request.MetadataJson,
            ReceivedAt = now,
            UpdatedAt = now,
            Status = DocumentStatus.Received,
            PublishPending = true,
        };
        db.Documents.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent submission of the same document won; answer with its record.
            db.ChangeTracker.Clear();
            var winner = await FindExistingAsync(source, externalId, pending.Sha256, cancellationToken);
            return new IntakeResult(winner ?? throw new InvalidOperationException("Unique violation without a matching document.", e), Duplicate: true);
        }

        await handoff.PublishAsync(document, new DocumentReceived(document.Id), cancellationToken);
        return new IntakeResult(document, Duplicate: false);
    }

    private async Task<Document?> FindExistingAsync(string source, string? externalId, string sha256, CancellationToken cancellationToken)
    {
        if (externalId is not null)
        {
            var byExternalId = await db.Documents.AsNoTracking()
                .FirstOrDefaultAsync(d => d.Source == source && d.ExternalId == externalId, cancellationToken);
            if (byExternalId is not null)
            {
                return byExternalId.Sha256 == sha256
                    ? byExternalId
                    : throw new IntakeRefusedException(IntakeRefusal.ExternalIdConflict,
                        $"externalId '{externalId}' from '{source}' was already used for a different file (document {byExternalId.Id}).");
            }
        }

        // Only what a channel submitted itself: a file that also came attached to a mail is
        // still a submission of its own (the unique index on source and content says the same).
        return await db.Documents.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Source == source && d.Sha256 == sha256 && d.ParentDocumentId == null, cancellationToken);
    }
}
