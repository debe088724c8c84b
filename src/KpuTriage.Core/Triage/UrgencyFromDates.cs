using System.Globalization;

namespace KpuTriage.Core.Triage;

/// <summary>
/// A letter that prints no Sifat still says how urgent it is by its dates: an invitation to a
/// meeting tomorrow, data wanted "paling lambat" two days after the letter. The time between
/// the letter's date and the earliest deadline or event it names suggests the urgency (Tata
/// Naskah: segera within days, amat segera the same or the next day; the days are the
/// taxonomy's suggest_within_days). Only a suggestion, so
/// it stays below the low-confidence line and the clerk confirms it.
/// </summary>
internal static class UrgencyFromDates
{
    private const double Suggested = 0.55;

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
        if (code is null)
        {
            return urgency;
        }

        return new FieldReading(
            new ProposedField(code, Suggested, due.Field.Evidence),
            $"the letter prints no Sifat; it is dated {days} day(s) before what it asks for");
    }

    private static DateOnly? Date(ProposedField field) =>
        DateOnly.TryParseExact(field.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
