using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Classification;

/// <summary>When the local classifier retrains from approved decisions and picks up models other processes trained.</summary>
public sealed class ClassifierOptions
{
    public const string Section = "Classifier";

    /// <summary>How often a process retrains when clerks approved letters since the current model.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetrainInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a process looks for a newer model (trained by another process or by `kputriage classifier retrain`).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Approved letters used per retrain, newest first: bounds training time and memory.</summary>
    [Range(1, 1_000_000)]
    public int MaxApprovedExamples { get; set; } = 20_000;
}
