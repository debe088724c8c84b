namespace KpuTriage.Core.Triage;

// The shape of prompts/taxonomy.yaml as YamlDotNet reads it (snake_case keys). Everything
// is nullable because the file is hand-edited: TaxonomyFileCheck reports what is missing.

internal sealed class TaxonomyFile
{
    public List<LetterTypeFile>? LetterTypes { get; set; }
    public LetterTypeFallbacksFile? LetterTypeFallbacks { get; set; }
    public SifatAxisFile? Urgency { get; set; }
    public SifatAxisFile? Security { get; set; }
    public List<CodeFile>? Registers { get; set; }
    public List<UnitFile>? Units { get; set; }
    public List<CodeFile>? ArchiveCodes { get; set; }
    public List<CodeFile>? DispositionActions { get; set; }
    public List<string>? LetterheadWords { get; set; }
    public List<string>? LetterheadBodies { get; set; }
    public List<string>? SignerOffices { get; set; }
}

internal sealed class LetterTypeFile
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public List<string>? NumberPrefixes { get; set; }
    public List<string>? NumberSuffixes { get; set; }
    public List<string>? TitleKeywords { get; set; }
    public List<string>? SubjectKeywords { get; set; }
    public List<string>? BodyKeywords { get; set; }
}

internal sealed class LetterTypeFallbacksFile
{
    public string? WithLetterhead { get; set; }
    public string? WithoutLetterhead { get; set; }
}

internal sealed class SifatAxisFile
{
    public string? Default { get; set; }
    public List<SifatCodeFile>? Codes { get; set; }
}

internal sealed class SifatCodeFile
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public List<string>? Phrases { get; set; }
    public List<string>? ApproximatePhrases { get; set; }
    public int? SuggestWithinDays { get; set; }
}

internal sealed class CodeFile
{
    public string? Code { get; set; }
    public string? Name { get; set; }
}

internal sealed class UnitFile
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Register { get; set; }
}
