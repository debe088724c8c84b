using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// The office's vocabularies, read from prompts/taxonomy.yaml: letter types and their
/// hints, urgency and security classes with the printed Sifat phrases, registers, units
/// and archive codes. Per-office content lives in that file, never in code.
/// </summary>
public sealed class Taxonomy
{
    public const string FileName = "taxonomy.yaml";

    private const int VersionLength = 12;

    private readonly HashSet<string> _letterTypeCodes;
    private readonly HashSet<string> _urgencyCodes;
    private readonly HashSet<string> _securityCodes;
    private readonly HashSet<string> _registerCodes;
    private readonly HashSet<string> _unitCodes;
    private readonly HashSet<string> _archiveCodes;
    private readonly HashSet<string> _dispositionActions;

    private Taxonomy(string sourcePath, string version, TaxonomyFile file)
    {
        SourcePath = sourcePath;
        Version = version;
        LetterTypes = [.. file.LetterTypes!.Select(t => new LetterTypeEntry(
            t.Code!, t.Name!, Words(t.NumberPrefixes), Words(t.NumberSuffixes), Words(t.TitleKeywords),
            Words(t.SubjectKeywords), Words(t.BodyKeywords)))];
        LetterTypeWithLetterhead = file.LetterTypeFallbacks?.WithLetterhead;
        LetterTypeWithoutLetterhead = file.LetterTypeFallbacks?.WithoutLetterhead;
        UrgencyClasses = [.. file.Urgency!.Codes!.Select(c => new TaxonomyEntry(c.Code!, c.Name!))];
        SecurityClasses = [.. file.Security!.Codes!.Select(c => new TaxonomyEntry(c.Code!, c.Name!))];
        UrgencyCodes = [.. UrgencyClasses.Select(c => c.Code)];
        UrgencyByDaysLeft = [.. file.Urgency.Codes!
            .Where(c => c.SuggestWithinDays is not null)
            .OrderBy(c => c.SuggestWithinDays)
            .Select(c => (c.SuggestWithinDays!.Value, c.Code!))];
        SecurityCodes = [.. SecurityClasses.Select(c => c.Code)];
        DefaultUrgency = file.Urgency.Default!;
        DefaultSecurity = file.Security.Default!;
        UrgencyPhrases = Phrases(file.Urgency);
        SecurityPhrases = Phrases(file.Security);
        Registers = [.. file.Registers!.Select(r => new TaxonomyEntry(r.Code!, r.Name!))];
        Units = [.. (file.Units ?? []).Select(u => new UnitEntry(u.Code!, u.Name!, u.Register!))];
        ArchiveCodes = [.. (file.ArchiveCodes ?? []).Select(a => new TaxonomyEntry(a.Code!, a.Name!))];
        DispositionActions = [.. (file.DispositionActions ?? []).Select(a => new TaxonomyEntry(a.Code!, a.Name!))];
        LetterheadWords = Words(file.LetterheadWords);
        LetterheadBodies = Words(file.LetterheadBodies);
        SignerOffices = Words(file.SignerOffices);

        _letterTypeCodes = [.. LetterTypes.Select(t => t.Code)];
        _urgencyCodes = [.. UrgencyCodes];
        _securityCodes = [.. SecurityCodes];
        _registerCodes = [.. Registers.Select(r => r.Code)];
        _unitCodes = [.. Units.Select(u => u.Code)];
        _archiveCodes = [.. ArchiveCodes.Select(a => a.Code)];
        _dispositionActions = [.. DispositionActions.Select(a => a.Code)];
    }

    /// <summary>Where the taxonomy was read from.</summary>
    public string SourcePath { get; }

    /// <summary>The first 12 hex characters of the file's SHA-256: which taxonomy a proposal was made under.</summary>
    public string Version { get; }

    public IReadOnlyList<LetterTypeEntry> LetterTypes { get; }

    /// <summary>The letter type guessed for a letter with a kop but no other hint (a guess, so low confidence).</summary>
    public string? LetterTypeWithLetterhead { get; }

    /// <summary>The letter type guessed for a letter without a kop: a person wrote it.</summary>
    public string? LetterTypeWithoutLetterhead { get; }

    public IReadOnlyList<TaxonomyEntry> UrgencyClasses { get; }

    /// <summary>
    /// The urgency a letter that prints no Sifat is suggested when what it asks for falls
    /// within so many days of its date (urgency.codes[].suggest_within_days), tightest first.
    /// </summary>
    public IReadOnlyList<(int WithinDays, string Code)> UrgencyByDaysLeft { get; }

    public IReadOnlyList<TaxonomyEntry> SecurityClasses { get; }

    public IReadOnlyList<string> UrgencyCodes { get; }

    public IReadOnlyList<string> SecurityCodes { get; }

    /// <summary>The urgency a letter has when it prints none.</summary>
    public string DefaultUrgency { get; }

    /// <summary>The security class a letter has when it prints none.</summary>
    public string DefaultSecurity { get; }

    public IReadOnlyList<SifatPhrase> UrgencyPhrases { get; }

    public IReadOnlyList<SifatPhrase> SecurityPhrases { get; }

    public IReadOnlyList<TaxonomyEntry> Registers { get; }

    public IReadOnlyList<UnitEntry> Units { get; }

    public IReadOnlyList<TaxonomyEntry> ArchiveCodes { get; }

    /// <summary>The standard actions of the office's disposition sheet (lembar disposisi): for information, follow up, draft a reply…</summary>
    public IReadOnlyList<TaxonomyEntry> DispositionActions { get; }

    /// <summary>The urgency's rank for the inbox order: its position in the file, least urgent first; unknown ranks lowest.</summary>
    public int UrgencyRank(string? code) => code is null ? 0 : Math.Max(0, UrgencyCodes.ToList().IndexOf(code));

    /// <summary>Words that mark an upper-case line at the top of a page as an agency's kop.</summary>
    public IReadOnlyList<string> LetterheadWords { get; }

    /// <summary>
    /// Words that open the name of one body in a kop ("DINAS", "KANTOR", "UPTD"): a kop line that
    /// starts with one names a body under the lines above it; any other line goes on naming the same body.
    /// </summary>
    public IReadOnlyList<string> LetterheadBodies { get; }

    /// <summary>Offices whose holder signs in the office's name ("Bupati", "Rektor"): a letter with no textual kop is sent by its signer's office.</summary>
    public IReadOnlyList<string> SignerOffices { get; }

    /// <summary>
    /// Whether <paramref name="value"/> is a code of the taxonomy for a field that takes
    /// codes ("letterType", "urgency", "security", "register", "unit", "archiveCode",
    /// "dispositionActions" joined by <see cref="LetterFields.ListSeparator"/>);
    /// free-text fields allow anything.
    /// </summary>
    public bool Allows(string field, string value) => field switch
    {
        "letterType" => _letterTypeCodes.Contains(value),
        "urgency" => _urgencyCodes.Contains(value),
        "security" => _securityCodes.Contains(value),
        "register" => _registerCodes.Contains(value),
        "unit" => _unitCodes.Contains(value),
        "archiveCode" => _archiveCodes.Contains(value),
        "dispositionAction" => _dispositionActions.Contains(value),
        "dispositionActions" => value.Split(LetterFields.ListSeparator).All(_dispositionActions.Contains),
        _ => true,
    };

    /// <summary>The office's name for a field's code (the unit's name for "unit"), or the value itself when the field has no list or the code is not in it.</summary>
    public string? NameOf(string field, string? code)
    {
        IEnumerable<(string Code, string Name)>? entries = field switch
        {
            "letterType" => LetterTypes.Select(t => (t.Code, t.Name)),
            "urgency" => UrgencyClasses.Select(c => (c.Code, c.Name)),
            "security" => SecurityClasses.Select(c => (c.Code, c.Name)),
            "register" => Registers.Select(c => (c.Code, c.Name)),
            "unit" => Units.Select(u => (u.Code, u.Name)),
            "archiveCode" => ArchiveCodes.Select(c => (c.Code, c.Name)),
            "dispositionAction" => DispositionActions.Select(c => (c.Code, c.Name)),
            _ => null,
        };
        return code is null || entries is null ? code : entries.FirstOrDefault(e => e.Code == code).Name ?? code;
    }

    /// <summary>Reads <c>taxonomy.yaml</c> from <paramref name="promptsDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is not there.</exception>
    /// <exception cref="InvalidDataException">The file is not valid YAML or breaks a rule; the message names the file and every problem.</exception>
    public static Taxonomy Load(string promptsDirectory)
    {
        var path = Path.GetFullPath(Path.Combine(promptsDirectory, FileName));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The taxonomy file '{path}' does not exist: set Prompts:Directory to the folder that holds {FileName}.",
                path);
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a taxonomy held as text (a stored prompt version's taxonomy.yaml); <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The text is not valid YAML or breaks a rule; the message names the source and every problem.</exception>
    public static Taxonomy Parse(string text, string source) => Parse(Encoding.UTF8.GetBytes(text), source);

    /// <summary>The version a taxonomy file of these bytes has: the first 12 hex of their SHA-256.</summary>
    public static string VersionOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..VersionLength];

    private static Taxonomy Parse(byte[] bytes, string path)
    {
        TaxonomyFile? file;
        try
        {
            file = Deserializer.Deserialize<TaxonomyFile?>(new UTF8Encoding(false).GetString(bytes));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException(
                $"The taxonomy file '{path}' is malformed at line {ex.Start.Line}, column {ex.Start.Column}: {Cause(ex)}",
                ex);
        }

        if (file is null)
        {
            throw new InvalidDataException($"The taxonomy file '{path}' is empty.");
        }

        var problems = TaxonomyFileCheck.Problems(file);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"The taxonomy file '{path}' is invalid: {string.Join("; ", problems)}.");
        }

        return new Taxonomy(path, VersionOf(bytes), file);
    }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    // A type mismatch ("name: [a, b]" where text is expected) comes back as "No node
    // deserializer was able to deserialize the node into type System.String, …"; say it in
    // the editor's terms. Should the library reword it, its own message still goes through.
    private static string Cause(YamlException ex)
    {
        var innermost = ex;
        while (innermost.InnerException is YamlException inner)
        {
            innermost = inner;
        }

        return innermost.Message.StartsWith("No node deserializer", StringComparison.Ordinal)
            ? "the value here has the wrong shape for its key (a list or map where text is expected, or the reverse)"
            : innermost.Message;
    }

    private static string[] Words(List<string>? words) =>
        [.. (words ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim())];

    private static SifatPhrase[] Phrases(SifatAxisFile axis) =>
    [
        .. axis.Codes!.SelectMany(c =>
            (c.Phrases ?? []).Select(p => new SifatPhrase(p.Trim(), c.Code!, Approximate: false))
                .Concat((c.ApproximatePhrases ?? []).Select(p => new SifatPhrase(p.Trim(), c.Code!, Approximate: true)))),
    ];
}
