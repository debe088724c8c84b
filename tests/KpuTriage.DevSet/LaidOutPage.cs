namespace KpuTriage.DevSet;

/// <summary>One page laid out once, so the text PDF and the scan show the same page.</summary>
internal sealed record LaidOutPage(IReadOnlyList<PlacedRun> Runs, IReadOnlyList<double> Rules);
