using System.Text.Json;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// One replay an admin asked for: a draft and the version active when it was asked, run on the
/// same gold set. Kept whatever happens — a failed run keeps its reason — because the promotion
/// gate reads its evidence from the newest finished run, and the desk shows the history.
/// </summary>
public sealed class ReplayRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public int DraftNumber { get; init; }

    /// <summary>The version active when the replay was asked for: the one the draft is compared with.</summary>
    public int ActiveNumber { get; init; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public ReplayRunState State { get; private set; }

    /// <summary>How many approved decisions the requester asked to sample (the development set comes on top).</summary>
    public int GoldSize { get; init; }

    /// <summary>Seeds the sample, so the same run draws the same decisions when it is run again.</summary>
    public int Seed { get; init; }

    /// <summary>Why the run failed, for the admin; null unless <see cref="State"/> is failed.</summary>
    public string? Failure { get; private set; }

    /// <summary>Letters of the gold set answered by both versions so far, of <see cref="LettersTotal"/>: the desk shows a running run's progress.</summary>
    public int LettersDone { get; private set; }

    public int LettersTotal { get; private set; }

    /// <summary>When the run last moved on; a running run silent for long was left by a process that stopped.</summary>
    public DateTimeOffset? HeartbeatAt { get; private set; }

    /// <summary>The <see cref="ReplayResult"/> as JSON; null until finished.</summary>
    public string? ResultJson { get; private set; }

    public static ReplayRun Queue(int draftNumber, int activeNumber, string requestedBy, DateTimeOffset now, int goldSize, int seed) => new()
    {
        DraftNumber = draftNumber,
        ActiveNumber = activeNumber,
        RequestedBy = requestedBy,
        RequestedAt = now,
        GoldSize = goldSize,
        Seed = seed,
        State = ReplayRunState.Queued,
    };

    public ReplayResult? Result() => ResultJson is null ? null : JsonSerializer.Deserialize<ReplayResult>(ResultJson, Json);

    public void Progress(int done, int total, DateTimeOffset now)
    {
        LettersDone = done;
        LettersTotal = total;
        HeartbeatAt = now;
    }

    public void Finish(ReplayResult result, DateTimeOffset now)
    {
        StartedAt ??= now;
        ResultJson = JsonSerializer.Serialize(result, Json);
        FinishedAt = now;
        State = ReplayRunState.Finished;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        StartedAt ??= now;
        Failure = reason;
        FinishedAt = now;
        State = ReplayRunState.Failed;
    }

    /// <summary>What the promotion gate judges: this run's scores of the draft beside the active version's.</summary>
    public PromotionEvidence? Evidence() => Result() is { } result ? new PromotionEvidence(result.Draft.Scores, result.Active.Scores) : null;
}
