using KpuTriage.Core.Documents;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Register;

/// <summary>
/// One committed record with its history: the document as received, every proposal the
/// machine made for it (a clerk may have sent it back), and the entry with who decided and when.
/// </summary>
public sealed record RegisterRecord(RegisterEntry Entry, Document Document, IReadOnlyList<Proposal> Proposals);
