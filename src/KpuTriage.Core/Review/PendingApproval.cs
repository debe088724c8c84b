using System.Text.Json;

namespace KpuTriage.Core.Review;

/// <summary>
/// A first approval waiting for its co-approval: exactly the values and disposition the
/// supervisor is asked to sign, so the second pair of eyes commits what it saw.
/// </summary>
public sealed record PendingApproval(Dictionary<string, string?> Values, string DiffJson, Disposition Disposition)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static PendingApproval? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<PendingApproval>(json);
}
