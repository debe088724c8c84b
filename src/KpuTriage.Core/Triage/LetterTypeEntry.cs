namespace KpuTriage.Core.Triage;

/// <summary>
/// A letter type (jenis naskah) from the taxonomy, with the hints that reveal it: number
/// prefixes ("UND-62/…") and KPU suffixes ("…-Und/…"), title lines ("SURAT EDARAN"),
/// words in the Perihal and, weakest, words in the body.
/// </summary>
public sealed record LetterTypeEntry(
    string Code,
    string Name,
    IReadOnlyList<string> NumberPrefixes,
    IReadOnlyList<string> NumberSuffixes,
    IReadOnlyList<string> TitleKeywords,
    IReadOnlyList<string> SubjectKeywords,
    IReadOnlyList<string> BodyKeywords);
