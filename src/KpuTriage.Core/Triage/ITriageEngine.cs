using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Triage;

/// <summary>
/// The seam every engine implements: the local engine (parser + classifier) now, the
/// Semantic Kernel engine later. An engine never throws for a letter it cannot read; it
/// answers with <see cref="EngineProposal.ManualTriageReason"/> set. Exceptions mean a
/// transient fault (the stage retries them).
/// </summary>
public interface ITriageEngine
{
    Task<EngineProposal> ProposeAsync(IReadOnlyList<ExtractedPage> pages, CancellationToken cancellationToken);
}
