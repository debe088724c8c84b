using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Register;

/// <summary>Configuration section "Register".</summary>
public sealed class RegisterOptions : IValidatableObject
{
    public const string Section = "Register";

    /// <summary>Register:TimeZone — the office's time zone; the agenda year turns over at its midnight (WIB by default).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Jakarta";

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Register:TimeZone '{TimeZone}' is not a known time zone (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura).", [nameof(TimeZone)]);
        }
    }
}
