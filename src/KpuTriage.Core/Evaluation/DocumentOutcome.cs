namespace KpuTriage.Core.Evaluation;

/// <summary>
/// What the machine made of one file: where the pipeline left it, the fields of its latest
/// proposal by API name (none when it went to manual triage before a proposal), and how long
/// the machine took from receipt to its proposal or to manual triage, the <see cref="Evaluation.ImageKind"/>
/// when known and the engine's confidence per field.
/// </summary>
public sealed record DocumentOutcome(
    string FileName,
    string Rendering,
    string Status,
    string? ManualTriageReason,
    IReadOnlyDictionary<string, string?> Proposed,
    double? MachineSeconds,
    string? PromptVersion,
    string? ImageKind = null,
    IReadOnlyDictionary<string, double>? Confidences = null)
{
    public bool InManualTriage => ManualTriageReason is not null;
}
