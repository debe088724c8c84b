using System.Globalization;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Review;

/// <summary>
/// The disposition sheet (lembar disposisi) filled in with an approval: standard actions for
/// the unit the letter goes to (taxonomy codes), a free note, and a deadline (yyyy-MM-dd).
/// </summary>
public sealed record Disposition(IReadOnlyList<string>? Actions = null, string? Note = null, string? Deadline = null)
{
    public bool IsEmpty => (Actions is null || Actions.Count == 0) && string.IsNullOrWhiteSpace(Note) && string.IsNullOrWhiteSpace(Deadline);

    /// <param name="limits">Review:MaxTextLength bounds the note; the defaults when not given.</param>
    /// <returns>The disposition trimmed, or an error a clerk can act on.</returns>
    public (Disposition? Value, Refusal? Error) Checked(Taxonomy taxonomy, TextLimits? limits = null)
    {
        limits ??= TextLimits.Default;
        var actions = (Actions ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct().ToList();
        if (actions.FirstOrDefault(a => !taxonomy.Allows("dispositionAction", a)) is { } unknown)
        {
            return (null, DecisionRefusals.UnknownDispositionAction(unknown));
        }

        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (limits.Problem("note", note) is { } noteProblem)
        {
            return (null, noteProblem);
        }

        var deadline = string.IsNullOrWhiteSpace(Deadline) ? null : Deadline.Trim();
        if (limits.Problem("deadline", deadline) is { } deadlineProblem)
        {
            return (null, deadlineProblem);
        }

        if (deadline is not null && !DateOnly.TryParseExact(deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return (null, DecisionRefusals.DateFormat("deadline", deadline));
        }

        return (new Disposition(actions, note, deadline), null);
    }
}
