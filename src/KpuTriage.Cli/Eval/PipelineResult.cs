using KpuTriage.Core.Evaluation;

namespace KpuTriage.Cli.Eval;

/// <summary>What a pipeline run produced. <see cref="Unfinished"/> lists documents still on their way when time ran out (file, status); then nothing is scored.</summary>
public sealed record PipelineResult(
    IReadOnlyList<DocumentOutcome> Documents,
    IReadOnlyList<RefusedFile> Refused,
    TimeSpan WallClock,
    IReadOnlyList<(string File, string Status)> Unfinished,
    TimeSpan Timeout);
