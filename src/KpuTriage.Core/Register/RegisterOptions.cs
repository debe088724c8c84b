using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Register;

/// <summary>Configuration section "Register".</summary>
public sealed class RegisterOptions
{
    public const string Section = "Register";

    /// <summary>Register:TimeZone — the office's time zone; the agenda year turns over at its midnight (WIB by default).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Jakarta";
}
