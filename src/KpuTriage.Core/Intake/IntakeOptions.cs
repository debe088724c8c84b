using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Intake;

/// <summary>Configuration section "Intake".</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Intake:MaxBytes — files larger than this are refused (default 50 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Intake:MaxAttachmentsPerMail — attachments of one e-mail that become documents; the
    /// rest are named in the mail's text for the clerk, so a mail of a thousand files cannot
    /// flood the inbox.
    /// </summary>
    [Range(0, 10_000)]
    public int MaxAttachmentsPerMail { get; set; } = 50;

    /// <summary>
    /// Intake:MaxMailNesting — how many levels of mail forwarded as an attachment of a mail
    /// are opened; a mail deeper than this is listed in its parent's text, not taken.
    /// </summary>
    [Range(0, 10)]
    public int MaxMailNesting { get; set; } = 3;

    /// <summary>
    /// Intake:WatchFolder — a folder (e.g. where the office scanner saves) whose files are
    /// taken in and moved to its subfolders diterima/ (accepted) or ditolak/ (refused, with
    /// a .alasan.txt giving the reason). Unset: no folder is watched.
    /// </summary>
    public string? WatchFolder { get; set; }

    /// <summary>Intake:WatchInterval — how often the folder is looked at.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Intake:WatchSettleTime — a file changed more recently than this may still be being written, and waits.</summary>
    public TimeSpan WatchSettleTime { get; set; } = TimeSpan.FromSeconds(2);
}
