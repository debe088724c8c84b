using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Review;

/// <summary>Configuration section "Review": how long an opened item stays held, which letters need four eyes, and how much free text a decision may carry.</summary>
public sealed class ReviewOptions : IValidatableObject
{
    public const string Section = "Review";

    /// <summary>Review:HoldFor — a clerk who opens an item holds it this long (from each opening), so two clerks do not work one letter.</summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Review:FourEyes — which approvals a supervisor must co-approve.</summary>
    public FourEyesPolicy FourEyes { get; set; } = new();

    /// <summary>Review:MaxTextLength — longest value of a decision's free-text fields (perihal, sender, number…), rejection reason and disposition note.</summary>
    public int MaxTextLength { get; set; } = TextLimits.DefaultText;

    /// <summary>Review:MaxSummaryLength — longest summary a decision may commit (see <see cref="TextLimits.DefaultSummary"/>).</summary>
    public int MaxSummaryLength { get; set; } = TextLimits.DefaultSummary;

    /// <summary>Review:MaxDecisionBytes — largest body the decision API reads; larger answers 413 before anything is parsed.</summary>
    public long MaxDecisionBytes { get; set; } = 256 * 1024;

    public TextLimits Limits() => new(MaxTextLength, MaxSummaryLength);

    /// <summary>
    /// The smallest body that must fit: every field at its limit, each character escaped in
    /// JSON as \uXXXX (six bytes), plus room for the names and the disposition's actions.
    /// </summary>
    public long SmallestDecisionBytes() =>
        6L * ((FinalValues.FieldNames.Count - 1 + TextLimits.OtherFields.Count) * (long)MaxTextLength + MaxSummaryLength) + 16 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HoldFor <= TimeSpan.Zero || HoldFor > TimeSpan.FromHours(8))
        {
            yield return new ValidationResult($"Review:HoldFor '{HoldFor}' must be more than zero and at most 8 hours.", [nameof(HoldFor)]);
        }

        if (MaxTextLength is < 50 or > 10_000)
        {
            yield return new ValidationResult($"Review:MaxTextLength '{MaxTextLength}' must be between 50 and 10000 characters.", [nameof(MaxTextLength)]);
        }

        if (MaxSummaryLength < MaxTextLength || MaxSummaryLength > 50_000)
        {
            yield return new ValidationResult(
                $"Review:MaxSummaryLength '{MaxSummaryLength}' must be at least Review:MaxTextLength ({MaxTextLength}) and at most 50000 characters.", [nameof(MaxSummaryLength)]);
        }

        if (MaxDecisionBytes < SmallestDecisionBytes() || MaxDecisionBytes > 16 * 1024 * 1024)
        {
            yield return new ValidationResult(
                $"Review:MaxDecisionBytes '{MaxDecisionBytes}' must hold a decision with every field at its limit (at least {SmallestDecisionBytes()} bytes with these limits) and be at most 16 MiB.",
                [nameof(MaxDecisionBytes)]);
        }
    }
}
