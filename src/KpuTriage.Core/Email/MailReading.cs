using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Email;

/// <summary>
/// What a mail gave: its text (or, when it cannot be read, the manual-triage reason in
/// <see cref="ExtractionResult.ManualTriageReason"/>), the attachments to take as documents,
/// and the ones left out, which the text also names.
/// </summary>
public sealed record MailReading(ExtractionResult Text, IReadOnlyList<MailAttachment> Attachments, IReadOnlyList<SkippedAttachment> Skipped)
{
    public static MailReading Unreadable(string reason) => new(ExtractionResult.NeedsHuman(MailReader.Method, reason), [], []);
}
