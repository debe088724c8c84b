using System.Text.Json.Nodes;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// What a caller appends: its kind, a subject people recognise, and the payload (strings,
/// integers, booleans, nulls, objects and arrays only — see <see cref="CanonicalJson"/>).
/// </summary>
public sealed record LedgerRecord(string Kind, string Subject, JsonObject Payload);
