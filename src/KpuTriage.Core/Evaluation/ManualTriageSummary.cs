namespace KpuTriage.Core.Evaluation;

/// <summary>How many documents the machine handed to a clerk without a usable proposal, and why.</summary>
public sealed record ManualTriageSummary(int Count, double? Share, IReadOnlyDictionary<string, int> Reasons)
{
    public static ManualTriageSummary From(IReadOnlyCollection<DocumentOutcome> documents)
    {
        var manual = documents.Where(d => d.InManualTriage).ToList();
        var reasons = manual.GroupBy(d => d.ManualTriageReason!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ManualTriageSummary(manual.Count, documents.Count == 0 ? null : (double)manual.Count / documents.Count, reasons);
    }
}
