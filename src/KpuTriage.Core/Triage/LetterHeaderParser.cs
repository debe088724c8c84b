using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads the register fields from a letter's header by rule: Nomor, tanggal, the sender's
/// kop, Hal/Perihal, Sifat (split into urgency and security), the letter type, Lampiran, the
/// addressee, the signer, Tembusan, an undangan's event and a deadline, and the personal data
/// in the text, and an extractive summary. Every
/// value carries the text it was read from and a confidence that says how sure the rule is.
/// </summary>
public sealed class LetterHeaderParser(Taxonomy taxonomy)
{
    // The header is on the first page; the next two cover a cover sheet or a keputusan
    // dated at its end. Later pages are attachments, with other letters' headers in them.
    private const int PagesRead = 3;

    private readonly SenderReader _sender = new(taxonomy);
    private readonly SifatReader _sifat = new(taxonomy);
    private readonly LetterTypeReader _letterType = new(taxonomy);
    private readonly TitleSubjectReader _titleSubject = new(taxonomy);

    public Taxonomy Taxonomy { get; } = taxonomy;

    public LetterFields Parse(IReadOnlyList<ExtractedPage> pages) => Read(pages).Fields;

    internal LetterReading Read(IReadOnlyList<ExtractedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var letter = pages.OrderBy(p => p.Number).Take(PagesRead).Select(p => new LetterPage(p)).ToList();

        var date = LetterDateReader.Read(letter);
        var number = RomanMonth.Repair(LetterNumberReader.Read(letter), date, letter);
        var (signerPosition, signerName) = SignerReader.Read(letter);
        var (sender, hasLetterhead) = _sender.Read(letter, signerPosition.Field);
        var perihal = PerihalReader.Read(letter) is { Field.Value: not null } hal ? hal : _titleSubject.Read(letter);
        var (sifat, urgency, security) = _sifat.Read(letter);
        var eventDate = EventDateReader.Read(letter);
        var eventTime = EventTimeReader.Read(letter);
        var eventPlace = EventPlaceReader.Read(letter);
        // Any part of an event block will do: on scans OCR often breaks its "Hari/Tanggal" line.
        var hasEvent = eventDate.Field.Value is not null || eventTime.Field.Value is not null || eventPlace.Field.Value is not null;
        var letterType = _letterType.Read(letter, number.Field, perihal.Field, hasLetterhead, hasEvent);
        var lampiran = LampiranReader.Read(letter);
        var addressee = AddresseeReader.Read(letter);
        var tembusan = TembusanReader.Read(letter);
        var deadline = DeadlineReader.Read(letter);
        var summary = SummaryReader.Read(letter);
        urgency = UrgencyFromDates.Suggest(urgency, sifat.Field, date.Field, deadline.Field, eventDate.Field, Taxonomy);

        var fields = new LetterFields
        {
            LetterNumber = number.Field,
            LetterDate = date.Field,
            Sender = sender.Field,
            Perihal = perihal.Field,
            SifatRaw = sifat.Field,
            Urgency = urgency.Field,
            Security = security.Field,
            LetterType = letterType.Field,
            Lampiran = lampiran.Field,
            Addressee = addressee.Field,
            SignerPosition = signerPosition.Field,
            SignerName = signerName.Field,
            Tembusan = tembusan.Field,
            EventDate = eventDate.Field,
            EventTime = eventTime.Field,
            EventPlace = eventPlace.Field,
            Deadline = deadline.Field,
            Summary = summary.Field,

            // Personal data is looked for on every page: attachments carry it too.
            Pii = [.. pages.OrderBy(p => p.Number).SelectMany(p => PiiScanner.Scan(p.Number, p.Text ?? string.Empty))],
        };
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, reading) in new[]
                 {
                     ("letterNumber", number), ("letterDate", date), ("sender", sender), ("perihal", perihal),
                     ("sifatRaw", sifat), ("urgency", urgency), ("security", security), ("letterType", letterType),
                     ("lampiran", lampiran), ("addressee", addressee), ("signerPosition", signerPosition), ("signerName", signerName),
                     ("tembusan", tembusan), ("eventDate", eventDate), ("eventTime", eventTime), ("eventPlace", eventPlace),
                     ("deadline", deadline),
                 })
        {
            if (reading.Note is { } note)
            {
                notes[name] = note;
            }
        }

        return new LetterReading(fields, notes);
    }
}
