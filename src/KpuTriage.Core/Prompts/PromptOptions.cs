using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Prompts;

/// <summary>Settings of the prompt section that concern versions (Prompts:Directory is read where the host is composed).</summary>
public sealed class PromptOptions
{
    public const string Section = "Prompts";

    /// <summary>
    /// Prompts:PromotionTolerance — how much lower (as a share, 0.02 = two points) a draft's
    /// accuracy on a field may be than the active version's on the same letters and still be
    /// promoted: replay over a few dozen letters moves by a letter or two between equal prompts.
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "Prompts:PromotionTolerance must be between 0 and 1 (a share: 0.02 is two points).")]
    public double PromotionTolerance { get; set; } = 0.02;

    /// <summary>Prompts:ShadowInterval — how often a draft in shadow looks for live letters it has not proposed for yet.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Prompts:ShadowInterval must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan ShadowInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Prompts:ShadowBatch — letters a shadow round proposes before it looks again; rounds follow each other while letters wait.</summary>
    [Range(1, 100, ErrorMessage = "Prompts:ShadowBatch must be between 1 and 100.")]
    public int ShadowBatch { get; set; } = 4;

    /// <summary>Prompts:ReplayPollInterval — how often a replay worker looks for queued replay runs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Prompts:ReplayPollInterval must be between 10 ms and one day (e.g. 00:00:10).")]
    public TimeSpan ReplayPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Prompts:ReplayStallAfter — a running replay that has not moved on for this long was left by
    /// a process that stopped, and is marked failed. Far longer than one letter's two model calls.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Prompts:ReplayStallAfter must be between one minute and seven days (e.g. 00:15:00).")]
    public TimeSpan ReplayStallAfter { get; set; } = TimeSpan.FromMinutes(15);
}
