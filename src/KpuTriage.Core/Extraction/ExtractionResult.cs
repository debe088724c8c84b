namespace KpuTriage.Core.Extraction;

/// <summary>
/// What a document's text layer gave. <see cref="ManualTriageReason"/> is set when the
/// document cannot be read by the machine (no text layer, encrypted, corrupt) and must go
/// to a clerk; it is a sentence a clerk understands, in English (the desk translates). A
/// document read only in part (a limit hit, one page failed, a doubtful scan) has the reason
/// and the <see cref="Pages"/> that were read, so the clerk starts from them.
/// </summary>
public sealed record ExtractionResult(IReadOnlyList<ExtractedPage> Pages, string Method, string? ManualTriageReason)
{
    /// <summary>
    /// Set when the document held more text than is kept (Extraction:MaxPageChars, MaxTextChars):
    /// a sentence naming the first cut. Not a reason for a clerk to triage by hand: the letter
    /// goes on, and the clerk sees that its text was cut.
    /// </summary>
    public string? Truncation { get; init; }

    public static ExtractionResult NeedsHuman(string method, string reason) => new([], method, reason);

    public string FullText => string.Join("\n\f\n", Pages.Select(p => p.Text));
}
