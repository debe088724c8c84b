using KpuTriage.Core.Documents;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;

namespace KpuTriage.Web.Review;

/// <summary>One line of the inbox: enough to triage at a glance, including why a human is needed.</summary>
public sealed record InboxLine(
    Guid DocumentId, string FileName, string Source, DateTimeOffset ReceivedAt, string Status, string? ManualTriageReason,
    string? LetterNumber, string? Sender, string? Perihal, string? Urgency, int LowConfidenceFields)
{
    public static InboxLine From(InboxEntry entry)
    {
        var fields = entry.Proposal?.Fields();
        return new(
            entry.Document.Id, entry.Document.FileName, entry.Document.Source, entry.Document.ReceivedAt, entry.Document.Status.ToWire(),
            entry.Item.ManualTriageReason, fields?.LetterNumber.Value, fields?.Sender.Value, fields?.Perihal.Value, fields?.Urgency.Value,
            // A letter without tembusan or an event is normal: only found-but-uncertain optional fields count.
            fields?.Named().Count(f => f.Value.IsLowConfidence && !(f.Value.Value is null && LetterFields.OptionalNames.Contains(f.Key))) ?? 0);
    }
}
