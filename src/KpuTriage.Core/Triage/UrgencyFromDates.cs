using System.Globalization;

namespace KpuTriage.Core.Triage;

/// <summary>
/// The urgency is what the letter says: one that prints no Sifat is the taxonomy's default
/// (biasa), whatever its dates. Its dates still hint how pressing it is — an invitation to a
/// meeting tomorrow, data wanted "paling lambat" two days after the letter — so the time
/// between the letter's date and the earliest deadline or event it names is offered beside the
/// urgency, in its note, marked as inferred (Tata Naskah: segera within days, amat segera the
/// same or the next day; the days are the taxonomy's suggest_within_days). The deadline itself
/// orders the inbox; the register keeps the sifat the letter printed.
/// </summary>
internal static class UrgencyFromDates
{
    public static FieldReading Suggest(FieldReading urgency, ProposedField sifat, ProposedField letterDate, ProposedField deadline, ProposedField eventDate, Taxonomy taxonomy)
    {
        if (sifat.Value is not null || urgency.Field.Value != taxonomy.DefaultUrgency || Date(letterDate) is not { } written)
        {
            return urgency;
        }

        // An event on the letter's own date is what a notula or berita acara records, not a
        // summons; a deadline that day is real.
        var due = new[] { (Field: deadline, Date: Date(deadline), SameDay: true), (Field: eventDate, Date: Date(eventDate), SameDay: false) }
            .Where(d => d.Date is { } day && (day > written || (d.SameDay && day == written)))
            .OrderBy(d => d.Date)
            .FirstOrDefault();
        if (due.Date is not { } earliest)
        {
            return urgency;
        }

        var days = earliest.DayNumber - written.DayNumber;
        var code = taxonomy.UrgencyByDaysLeft.FirstOrDefault(u => days <= u.WithinDays).Code;
        if (code is null || code == urgency.Field.Value)
        {
            return urgency;
        }

        var printed = urgency.Note ?? $"the letter prints no Sifat; '{urgency.Field.Value}' is assumed";
        return urgency with { Note = $"{printed}; inferred from its dates, not printed: '{code}' (dated {days} day(s) before what it asks for)" };
    }

    private static DateOnly? Date(ProposedField field) =>
        DateOnly.TryParseExact(field.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
