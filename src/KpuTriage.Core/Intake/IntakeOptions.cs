using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Intake;

/// <summary>Configuration section "Intake".</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Intake:MaxBytes — files larger than this are refused (default 50 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;
}
