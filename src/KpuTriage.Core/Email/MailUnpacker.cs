using System.Text.Json;
using KpuTriage.Core.Blobs;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Intake;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Email;

/// <summary>
/// The extract stage's part for a mail: reads it within the extraction limits, then stages
/// a document for each attachment it takes. Nothing is saved here: the caller saves the
/// children with the mail's own move to Extracted, so they exist exactly when the mail has
/// been read, and the unique (parent, index) key lets only one of two racing reads win.
/// </summary>
public sealed class MailUnpacker(TriageDb db, IBlobStore blobs, IntakeOptions intake, TextExtractorOptions extraction)
{
    public async Task<MailReading> ReadAsync(Document mail, Stream content, CancellationToken ct)
    {
        var bytes = await BoundedRead.ReadAllAsync(content, extraction.MaxBytes, ct);
        if (bytes is null)
        {
            return MailReading.Unreadable($"{ExtractionReasons.TooLargePrefix}over {extraction.MaxBytes} bytes");
        }

        var depth = await NestingDepthAsync(mail, ct);
        var allowance = new TextAllowance(extraction);
        var reading = MailReader.Read(bytes, new MailLimits(intake.MaxAttachmentsPerMail, intake.MaxBytes, depth < intake.MaxMailNesting, allowance.DocumentHold));
        return reading with { Text = allowance.Keep(reading.Text) };
    }

    /// <summary>Stores each taken attachment's content and adds its document (status Received, hand-off pending) to <see cref="db"/>.</summary>
    public async Task<IReadOnlyList<Document>> AddAttachmentsAsync(Document mail, MailReading reading, DateTimeOffset now, CancellationToken ct)
    {
        mail.SkippedAttachmentsJson = reading.Skipped.Count == 0 ? null : JsonSerializer.Serialize(reading.Skipped);
        var children = new List<Document>();
        foreach (var attachment in reading.Attachments)
        {
            await using var content = new MemoryStream(attachment.Content, writable: false);
            using var pending = await blobs.ReceiveAsync(content, intake.MaxBytes, ct);
            await pending.CommitAsync(ct);
            var child = new Document
            {
                Source = mail.Source,
                ParentDocumentId = mail.Id,
                AttachmentIndex = attachment.Index,
                FileName = attachment.FileName,
                Kind = attachment.Kind,
                DeclaredContentType = attachment.ContentType.Length > 200 ? null : attachment.ContentType,
                Sha256 = pending.Sha256,
                SizeBytes = pending.Size,
                // The office received the attachment when it received the mail.
                ReceivedAt = mail.ReceivedAt,
                UpdatedAt = now,
                Status = DocumentStatus.Received,
                PublishPending = true,
            };
            db.Documents.Add(child);
            children.Add(child);
        }

        return children;
    }

    // How many mails this one sits inside; the walk stops once it passes the limit.
    private async Task<int> NestingDepthAsync(Document mail, CancellationToken ct)
    {
        var depth = 0;
        for (var parent = mail.ParentDocumentId; parent is { } id && depth <= intake.MaxMailNesting; depth++)
        {
            parent = await db.Documents.Where(d => d.Id == id).Select(d => d.ParentDocumentId).FirstOrDefaultAsync(ct);
        }

        return depth;
    }
}
