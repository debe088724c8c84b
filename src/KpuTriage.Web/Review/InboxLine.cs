using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;

namespace KpuTriage.Web.Review;

/// <summary>
/// One line of the JSON inbox: enough to triage at a glance, including why a human is needed,
/// who has it open and who approved it first when a supervisor's co-approval is awaited.
/// </summary>
public sealed record InboxLine(
    Guid DocumentId, string FileName, string Source, DateTimeOffset ReceivedAt, string Status, string? ManualTriageReason,
    string? LetterNumber, string? Sender, string? Perihal, string? Urgency, string? Security, string? LetterType, string? Unit,
    DateOnly? Deadline, string? Flag, string? HeldBy, DateTimeOffset? HeldUntil, string? FirstApprovedBy, int LowConfidenceFields)
{
    public static InboxLine From(InboxRow row, Proposal? proposal)
    {
        var item = row.Item;
        var fields = proposal?.Fields();
        return new(
            item.DocumentId, row.FileName, item.Source, row.ReceivedAt, InboxQuery.StatusOf(item), item.ManualTriageReason,
            item.LetterNumber, item.Sender, item.Perihal, item.Urgency, item.Security, item.LetterType, item.Unit,
            item.DueOn == DateOnly.MaxValue ? null : item.DueOn, item.Flag, item.HeldBy, item.HeldUntil, item.FirstApprovedBy,
            // A letter without tembusan or an event is normal: only found-but-uncertain optional fields count.
            fields?.Named().Count(f => f.Value.IsLowConfidence && !(f.Value.Value is null && LetterFields.OptionalNames.Contains(f.Key))) ?? 0);
    }
}
