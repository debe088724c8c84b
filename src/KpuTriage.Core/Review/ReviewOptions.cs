using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Review;

/// <summary>Configuration section "Review": how long an opened item stays held, and which letters need four eyes.</summary>
public sealed class ReviewOptions : IValidatableObject
{
    public const string Section = "Review";

    /// <summary>Review:HoldFor — a clerk who opens an item holds it this long (from each opening), so two clerks do not work one letter.</summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Review:FourEyes — which approvals a supervisor must co-approve.</summary>
    public FourEyesPolicy FourEyes { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HoldFor <= TimeSpan.Zero || HoldFor > TimeSpan.FromHours(8))
        {
            yield return new ValidationResult($"Review:HoldFor '{HoldFor}' must be more than zero and at most 8 hours.", [nameof(HoldFor)]);
        }
    }
}
