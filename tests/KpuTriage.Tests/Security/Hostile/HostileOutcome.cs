using System.Text.Json;

namespace KpuTriage.Tests.Security.Hostile;

/// <summary>What the desk must do with one hostile input: refuse it at the door, or keep it and show it to a clerk.</summary>
internal abstract record HostileOutcome;

/// <summary>Refused by intake with this HTTP status and problem <c>code</c>; nothing is kept.</summary>
internal sealed record Refused(int Status, string Code) : HostileOutcome;

/// <summary>Kept and sent to a clerk as manual triage, with a reason that starts so.</summary>
internal sealed record ToClerk(string ReasonStart) : HostileOutcome;

/// <summary>
/// Kept and proposed like any letter (in review); <see cref="Check"/> looks at what was kept and
/// returns what is wrong with it, or null.
/// </summary>
internal sealed record Proposed(Func<KeptDocument, string?>? Check = null) : HostileOutcome;

/// <summary>A document as the desk kept it: the status API's JSON and the text extraction kept.</summary>
internal sealed record KeptDocument(JsonElement Json, string Text)
{
    public string FileName => Json.GetProperty("fileName").GetString()!;

    public int Skipped => Json.GetProperty("skippedAttachments").GetArrayLength();

    public int Attachments => Json.GetProperty("attachments").GetArrayLength();
}
