using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// The fixed shapes of a naskah dinas header (labels, dates, column gaps). They come from
/// the Tata Naskah format, not from one office, so they live in code; office vocabularies
/// are in the taxonomy. All patterns run on single lines.
/// </summary>
internal static partial class HeaderPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions IgnoreCase = Options | RegexOptions.IgnoreCase;

    // Indonesian and English month names with the abbreviations offices print.
    private const string Month =
        @"(?<month>(?i:januari|january|jan|februari|pebruari|february|feb|maret|march|mar|april|apr|mei|may|juni|june|jun"
        + @"|juli|july|jul|agustus|august|agu|agt|aug|september|sept|sep|oktober|october|okt|oct|november|nopember|nov|nop"
        + @"|desember|december|des|dec))\.?(?!\p{L})";

    private const string Year = @"(?<year>(19|20)\d\d)(?!\d)";

    // A place is one or two capitalised words ("Purwakarta", "Jakarta Pusat").
    private const string Place = @"(?<place>\p{Lu}[\p{L}.'\-]*(?:[ \t]\p{Lu}[\p{L}.'\-]*)?)";

    /// <summary>The English order a few senders print: "Purwakarta, February 10, 2026".</summary>
    [GeneratedRegex(Place + @"\s*,\s*" + Month + @"\s+(?<day>\d{1,2})\s*,?\s*" + Year, Options)]
    public static partial Regex PlaceEnglishDate();

    /// <summary>
    /// A berita acara writes its date in words: "Pada hari ini Senin tanggal dua bulan Desember
    /// tahun dua ribu dua puluh empat".
    /// </summary>
    [GeneratedRegex(@"(?i:tanggal)\s+(?<dayWords>(?:\p{L}+\s+){0,3}?)(?i:bulan)\s+" + Month + @"\s+(?i:tahun)\s+(?<yearWords>(?:\p{L}+\s*){2,6}?)(?=[,.;:]|\s*$|\s+(?i:kami|yang|bertempat|di|telah|kecuali|bersama))", Options)]
    public static partial Regex DateInWords();

    /// <summary>An event's label line ("Hari/Tanggal : Selasa, 14 April 2026"): its date is the event's, not the letter's.</summary>
    [GeneratedRegex(@"^\s*(?:Hari\s*/\s*Tanggal|Hari\s*,\s*Tanggal|Hari|Tanggal\s+Pelaksanaan|Waktu)\s*:", IgnoreCase)]
    public static partial Regex EventLabel();

    /// <summary>"Purwakarta, 12 Maret 2025"; also a blank day, "Jakarta,     April 2017".</summary>
    [GeneratedRegex(Place + @"\s*,\s*(?:(?<day>\d{1,2})\s*|[._\-\s]*)" + Month + @"\s*" + Year, Options)]
    public static partial Regex PlaceDate();

    /// <summary>"Purwakarta, 12-03-2025" or "12/03/2025" (day first, as written in Indonesia).</summary>
    [GeneratedRegex(Place + @"\s*,\s*(?<day>\d{1,2})[\-/.](?<monthNumber>\d{1,2})[\-/.]" + Year, Options)]
    public static partial Regex PlaceNumericDate();

    /// <summary>"Tanggal : 12 Maret 2025" (nota dinas) or "pada tanggal 12 Maret 2025" (keputusan).</summary>
    [GeneratedRegex(@"^\s*(?<pada>(?i:pada)\s+)?(?i:tanggal)\s*(?<colon>:)?\s*(?<day>\d{1,2})\s*" + Month + @"\s*" + Year, Options)]
    public static partial Regex LabeledDate();

    /// <summary>"12 Maret 2025" with nothing around it.</summary>
    [GeneratedRegex(@"(?<!\d)(?<day>\d{1,2})\s*" + Month + @"\s*" + Year, Options)]
    public static partial Regex BareDate();

    /// <summary>Where a date on the right-hand column starts, to cut it off a value: one place word only.</summary>
    [GeneratedRegex(@"(?<!\S)\p{Lu}[\p{L}.'\-]*\s*,\s*(?:\d{1,2})?[\s._\-]*" + Month + @"\s*" + Year + "|(?<!\\d)\\d{1,2}\\s*" + Month + @"\s*" + Year, Options)]
    public static partial Regex DateInValue();

    /// <summary>"Nomor :", "No.", "Nomor  ;", "Nomor Surat :"; "Nomor - " and "Nomor = " are OCR's colon; sep is empty when OCR lost it.</summary>
    [GeneratedRegex(@"^\s*(?<label>Nomor(?:\s+Surat)?|Nomer|No)(?!\p{L})\s*(?<sep>\.?\s*[:;]|\.|(?<=\s)[=~\-](?=\s))?\s*", IgnoreCase)]
    public static partial Regex NumberLabel();

    /// <summary>The number of a keputusan or edaran: "NOMOR 12 TAHUN 2025".</summary>
    [GeneratedRegex(@"^\d+\s+TAHUN\s+\d{4}(?!\d)", IgnoreCase)]
    public static partial Regex NumberWithYear();

    /// <summary>"Hal :", "Perihal;", "Perihal" (sep empty).</summary>
    [GeneratedRegex(@"^\s*(?<label>Perihal|Hal)(?!\p{L})\s*(?<sep>[:;.]|(?<=\s)[=~\-](?=\s))?\s*", IgnoreCase)]
    public static partial Regex PerihalLabel();

    /// <summary>"Sifat :", "Sifat Surat :".</summary>
    [GeneratedRegex(@"^\s*Sifat(?:\s+Surat)?(?!\p{L})\s*(?<sep>[:;.]|(?<=\s)[=~\-](?=\s))?\s*", IgnoreCase)]
    public static partial Regex SifatLabel();

    /// <summary>A person's name in a citizen's letter: "Nama : Budi Santoso".</summary>
    [GeneratedRegex(@"^\s*Nama(?:\s+Lengkap|\s+Pemohon)?\s*:\s*", IgnoreCase)]
    public static partial Regex NameLabel();

    /// <summary>
    /// Where a value on a label line ends: a tab or a wide gap (the next column), the
    /// addressee ("Kepada Yth.") or another label run into the line by the extractor.
    /// </summary>
    [GeneratedRegex(@"\t|\s{3,}|(?<!\p{L})(?:Kepada\s+)?Yth(?!\p{L})|\s(?:Nomor|Sifat|Lampiran|Lamp|Hal|Perihal)\s*[:;]", Options)]
    public static partial Regex ValueStop();

    /// <summary>A line that starts something else, so it cannot continue a Perihal.</summary>
    [GeneratedRegex(
        @"^\s*(?:(?:Yth|Kepada|Sifat|Lampiran|Lamp|Hal|Perihal|Tanggal|Dari|Tembusan|Di|Sdr|Bapak|Ibu|Sehubungan|Menindaklanjuti)(?!\p{L})"
        // "Nomor 21-PKE-DKPP/I/2026" continues a subject; "Nomor :" starts the number's line.
        + @"|(?:Nomor|Nomer)\s*[:;]"
        + @"|No\.|Dengan\s+hormat|Bersama\s+ini|Assalamu|[\p{L}/. ]{1,25}:)",
        IgnoreCase)]
    public static partial Regex ContinuationStop();

    /// <summary>The first line of the body: the header (Nomor, Hal, date) is above it.</summary>
    [GeneratedRegex(@"^\W*(?:Dengan\s+hormat|Assalamu|Sehubungan\s+dengan|Menindaklanjuti|Bersama\s+ini)", IgnoreCase)]
    public static partial Regex BodyStart();

    /// <summary>The address and contact lines under a kop: they end it.</summary>
    [GeneratedRegex(
        @"^\s*(?:JL|JLN|JALAN|ALAMAT|TELP|TELEPON|TLP|FAX|FAKS|FAKSIMILE|E-?MAIL|SUREL|WEBSITE|LAMAN|HTTPS?|WWW|KODE\s+POS)(?!\p{L})|@|www\.|\d{5}",
        IgnoreCase)]
    public static partial Regex AddressLine();

    /// <summary>A document title the taxonomy may not list ("SURAT PERNYATAAN", "FORMULIR …"): not a kop.</summary>
    [GeneratedRegex(@"^\s*(?:SURAT|FORMULIR|LEMBAR|BLANKO)(?!\p{L})", IgnoreCase)]
    public static partial Regex GenericTitle();

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu", "Ahad",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    /// <summary>"Kamis, 20 Maret 2025" is an event's day, not a place and letter date.</summary>
    public static bool IsWeekday(string place) =>
        place.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(Weekdays.Contains);
}
