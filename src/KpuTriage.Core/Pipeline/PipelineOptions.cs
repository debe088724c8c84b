using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Pipeline;

/// <summary>Configuration section "Pipeline": which stages this process runs and how unfinished work is re-driven.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>
    /// Pipeline:Stages — comma-separated stages this process consumes: intake, extract, ocr,
    /// propose, review. Default all; empty runs none (a web front that only publishes). A process
    /// that runs extract runs ocr too unless <see cref="OcrWithExtract"/> is off, so settings
    /// written before OCR had a stage of its own keep reading scans.
    /// </summary>
    public string Stages { get; set; } = string.Join(',', AllStages);

    /// <summary>
    /// Pipeline:OcrWithExtract — whether naming the extract stage also runs the OCR stage. Off,
    /// a process runs OCR only when ocr is named: e.g. light workers with Stages=intake,extract,propose,review
    /// beside OCR workers with Stages=ocr.
    /// </summary>
    public bool OcrWithExtract { get; set; } = true;

    /// <summary>Pipeline:PublishTimeout — how long a stage waits for the broker before leaving the hand-off to the redriver.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Pipeline:OutageLogInterval — while hand-offs fail, how often the log gets one line per event
    /// with the count of failures (each cause is logged once with its exception).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Pipeline:OutageLogInterval must be between 1 second and 1 day.")]
    public TimeSpan OutageLogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Pipeline:RedriveInterval — how often the redriver looks for unfinished hand-offs.</summary>
    public TimeSpan RedriveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Pipeline:RedriveAfter — a hand-off still unpublished after this long is published again.</summary>
    public TimeSpan RedriveAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Pipeline:RedriveBatch — hand-offs republished per stage and pass, oldest first (and documents
    /// sent to manual triage per pass). Per stage, so one stage's backlog never starves another's.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Pipeline:RedriveBatch must be between 1 and 100000.")]
    public int RedriveBatch { get; set; } = 200;

    /// <summary>
    /// Pipeline:StuckAfter — a document that made no progress for this long goes to a clerk as
    /// manual triage, whatever the cause, so no document is ever invisible.
    /// </summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Pipeline:ExtractConcurrency — CPU-bound, so about the core count.</summary>
    public int ExtractConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Pipeline:OcrConcurrency — documents read by OCR at once per process. Their pages share
    /// Extraction:OcrParallelism tesseract processes; a document waiting for one is not yet
    /// spending its Extraction:OcrDocumentTimeout.
    /// </summary>
    [Range(1, 256, ErrorMessage = "Pipeline:OcrConcurrency must be between 1 and 256.")]
    public int OcrConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Pipeline:ProposeConcurrency — engine calls at once per process.</summary>
    public int ProposeConcurrency { get; set; } = 8;

    /// <summary>
    /// Pipeline:RetryLimit — retries of a message that fails for a reason of its own before it becomes a
    /// fault and goes to a clerk. A transient fault (database or broker away, a timeout) does not count:
    /// it is retried for as long as it lasts (StageDefinition).
    /// </summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>Pipeline:RetryMinInterval — first retry delay; later ones grow exponentially up to RetryMaxInterval.</summary>
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Pipeline:RetryMaxInterval — longest retry delay; retries must end well inside RabbitMQ's 30-minute consumer timeout.</summary>
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    public static IReadOnlyList<string> AllStages { get; } = ["intake", "extract", "ocr", "propose", "review"];

    public bool Runs(string stage)
    {
        var named = Stages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return named.Contains(stage, StringComparer.OrdinalIgnoreCase)
            || (stage == "ocr" && OcrWithExtract && named.Contains("extract", StringComparer.OrdinalIgnoreCase));
    }
}
