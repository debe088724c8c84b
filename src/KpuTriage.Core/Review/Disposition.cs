using System.Globalization;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Review;

/// <summary>
/// The disposition sheet (lembar disposisi) filled in with an approval: standard actions for
/// the unit the letter goes to (taxonomy codes), a free note, and a deadline (yyyy-MM-dd).
/// </summary>
public sealed record Disposition(IReadOnlyList<string>? Actions = null, string? Note = null, string? Deadline = null)
{
    public const int MaxNoteLength = 1000;

    public bool IsEmpty => (Actions is null || Actions.Count == 0) && string.IsNullOrWhiteSpace(Note) && string.IsNullOrWhiteSpace(Deadline);

    /// <returns>The disposition trimmed, or an error a clerk can act on.</returns>
    public (Disposition? Value, string? Error) Checked(Taxonomy taxonomy)
    {
        var actions = (Actions ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct().ToList();
        if (actions.FirstOrDefault(a => !taxonomy.Allows("dispositionAction", a)) is { } unknown)
        {
            return (null, $"'{unknown}' is not a disposition action of the taxonomy.");
        }

        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            return (null, $"the disposition note is longer than {MaxNoteLength} characters.");
        }

        var deadline = string.IsNullOrWhiteSpace(Deadline) ? null : Deadline.Trim();
        if (deadline is not null && !DateOnly.TryParseExact(deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return (null, $"the disposition deadline '{deadline}' must be a date written yyyy-MM-dd.");
        }

        return (new Disposition(actions, note, deadline), null);
    }
}
