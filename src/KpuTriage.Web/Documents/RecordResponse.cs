namespace KpuTriage.Web.Documents;

/// <summary>The committed register entry, with both people when four eyes applied: who approved first (<c>decidedBy</c>) and the supervisor who co-approved.</summary>
public sealed record RecordResponse(
    string AgendaNumber, string? LetterNumber, string? LetterDate, string Sender, string Perihal, string Urgency, string Security,
    string LetterType, string DecidedBy, DateTimeOffset DecidedAt, string? CoApprovedBy, DateTimeOffset? CoApprovedAt, string? Engine, string? PromptVersion)
{
    public static RecordResponse From(KpuTriage.Core.Register.RegisterEntry e) => new(
        e.AgendaLabel, e.LetterNumber, e.LetterDate, e.Sender, e.Perihal, e.Urgency, e.Security, e.LetterType, e.DecidedBy, e.DecidedAt,
        e.CoApprovedBy, e.CoApprovedAt, e.Engine, e.PromptVersion);
}
