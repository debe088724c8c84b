using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Shapes of the parts around the header: the addressee, the signature block, Tembusan,
/// an undangan's event lines and deadline phrases. Like the header labels they come from
/// the Tata Naskah format, not from one office.
/// </summary>
internal static partial class HeaderPatterns
{
    /// <summary>"Lampiran : 2 (dua) lembar", "Lamp. : -", "Lampiran; 1 berkas"; sep is empty when OCR lost the colon.</summary>
    [GeneratedRegex(@"^\s*(?<label>Lampiran|Lamp)(?!\p{L})\s*(?<sep>\.?\s*[:;]|\.)?\s*", IgnoreCase)]
    public static partial Regex LampiranLabel();

    /// <summary>"Yth. Ketua …", "Kepada Yth.", "Yth.    : Ketua …" (nota dinas), "Kepada Yth,".</summary>
    [GeneratedRegex(@"^\s*(?<label>(?:Kepada\s*)?Yth)(?!\p{L})\s*(?<sep>\.)?\s*[:;,.]?\s*", IgnoreCase)]
    public static partial Regex AddresseeLabel();

    /// <summary>The place line under an addressee: "di Purwakarta", "di -", "Di Tempat".</summary>
    [GeneratedRegex(@"^\s*di(?:\s|[-–.]|$)", IgnoreCase)]
    public static partial Regex AddresseePlace();

    /// <summary>The place run onto the addressee's line: "Ketua KPU Kabupaten Purwakarta di Purwakarta".</summary>
    [GeneratedRegex(@"\s+di(?:\s+\p{Lu}|\s*[-–]\s*$)", Options)]
    public static partial Regex InlinePlace();

    /// <summary>"Tembusan:", "TEMBUSAN :", "Tembusan Yth.:", "Tembusan disampaikan kepada Yth.".</summary>
    [GeneratedRegex(@"^\s*(?<label>Tembusan(?:\s+(?:disampaikan\s+)?(?:kepada\s+)?Yth)?)(?!\p{L})\s*\.?\s*[:;.]?\s*", IgnoreCase)]
    public static partial Regex TembusanLabel();

    /// <summary>A list entry's marker: "1.", "2)", "l." (OCR), "a.", "-", "•".</summary>
    [GeneratedRegex(@"^\s*(?:(?<number>[0-9lI]{1,2}|[a-z])\s*[.)]|(?<bullet>[-•*·–—]))\s*", Options)]
    public static partial Regex ListMarker();

    /// <summary>The closing above a citizen's signature, not a position: "Hormat saya,", "Wassalam,".</summary>
    [GeneratedRegex(@"^\s*(?:Hormat\s+(?:saya|kami)|Salam|Wassalam|Dengan\s+hormat|Terima\s+kasih|Demikian)(?!\p{L})", IgnoreCase)]
    public static partial Regex Closing();

    /// <summary>What stands before a position on behalf of another: "a.n. Ketua", "u.b.", "Plh.", "Plt.".</summary>
    [GeneratedRegex(@"^\s*(?:a\.?\s?n\.?|u\.?\s?b\.?|Plh\.?|Plt\.?)(?=\s|$)", IgnoreCase)]
    public static partial Regex OnBehalf();

    /// <summary>The line under a signer's name: "NIP. 19800101 200501 1 001", "Pembina (IV/a)".</summary>
    [GeneratedRegex(@"^\s*(?:NIP|NIK|NRP|NIPPPK)(?!\p{L})", IgnoreCase)]
    public static partial Regex IdentityLine();

    /// <summary>"Hari/Tanggal :", "Hari, tanggal :", "Hari dan Tanggal", "Tanggal :" (the last only outside the header).</summary>
    [GeneratedRegex(@"^\s*(?<label>(?<hari>Hari\s*[/,]?\s*(?:dan\s+)?)?(?:Tanggal|Tgl))(?!\p{L})\.?\s*(?<sep>[:;.])?\s*", IgnoreCase)]
    public static partial Regex EventDateLabel();

    /// <summary>"Waktu : 09.00 WIB", "Pukul ; 13.30", "Jam : 9:00".</summary>
    [GeneratedRegex(@"^\s*(?<label>Waktu|Pukul|Jam)(?!\p{L})\s*(?<sep>[:;.])?\s*", IgnoreCase)]
    public static partial Regex EventTimeLabel();

    /// <summary>"Tempat : Aula KPU Provinsi Jawa Barat", "Lokasi ; …".</summary>
    [GeneratedRegex(@"^\s*(?<label>Tempat|Lokasi)(?!\p{L})\s*(?<sep>[:;.])?\s*", IgnoreCase)]
    public static partial Regex EventPlaceLabel();

    /// <summary>An event's day: "Kamis, 20 Maret 2025" or "20 Maret 2025".</summary>
    [GeneratedRegex(@"^(?:(?<weekday>\p{L}+(?:'\p{L}+)?)\s*[,.]?\s*)?(?<day>\d{1,2})\s*" + Month + @"\s*" + Year, Options)]
    public static partial Regex EventDay();

    /// <summary>A clock time: "09.00", "9:30", "13 . 00".</summary>
    [GeneratedRegex(@"(?<!\d)(?<hour>[01]?\d|2[0-3])\s*[.:;]\s*(?<minute>[0-5]\d)(?!\d)", Options)]
    public static partial Regex ClockTime();

    /// <summary>
    /// "paling lambat tanggal 20 Maret 2025", "selambat-lambatnya hari Jumat, 21 Maret 2025",
    /// "paling lambat 3 (tiga) hari kerja". Runs on a page's whole text: the phrase wraps.
    /// </summary>
    [GeneratedRegex(
        @"(?<!\p{L})(?<phrase>paling\s+lambat|selambat\s*-?\s*lambatnya)\s+(?:(?:pada\s+)?(?:hari\s+\p{L}+(?:'\p{L}+)?\s*,?\s*|\p{L}+(?:'\p{L}+)?\s*,\s*)?(?:(?:tanggal|tgl\.?)\s*)?"
        + @"(?<day>\d{1,2})\s*" + Month + @"\s*" + Year
        + @"|(?<count>\d+\s*(?:\(\s*\p{L}+\s*\)\s*)?(?:hari(?:\s+kerja|\s+kalender)?|minggu|bulan|jam)(?!\p{L})))",
        IgnoreCase)]
    public static partial Regex Deadline();
}
