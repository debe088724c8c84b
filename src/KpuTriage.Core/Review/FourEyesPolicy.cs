namespace KpuTriage.Core.Review;

/// <summary>
/// Review:FourEyes:Security — security classes (taxonomy codes, comma-separated) whose letters
/// are committed only when a supervisor other than the first approver co-approves. PKPU 7/2021
/// guards rahasia and sangat_rahasia records, hence the default; empty turns four eyes off.
/// </summary>
public sealed class FourEyesPolicy
{
    public string Security { get; set; } = "rahasia,sangat_rahasia";

    public IReadOnlyList<string> SecurityCodes() =>
        Security.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public bool Requires(string? security) => security is not null && SecurityCodes().Contains(security, StringComparer.Ordinal);
}
