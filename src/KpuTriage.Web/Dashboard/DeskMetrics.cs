using System.Diagnostics.Metrics;
using KpuTriage.Core.Dashboard;

namespace KpuTriage.Web.Dashboard;

/// <summary>
/// The dashboard's figures as OpenTelemetry gauges of the meter "KpuTriage", exported at
/// /metrics. Every gauge reads <see cref="FiguresSnapshot"/>, so they are the page's numbers for
/// the default period (agreement, corrections) and for today (documents, tokens, cost), and a
/// scrape never queries the database itself. Names carry their unit, so the exporter adds none.
/// </summary>
public sealed class DeskMetrics : IDisposable
{
    public const string MeterName = "KpuTriage";

    private readonly Meter meter;

    /// <param name="owner">The meter's scope: which host's meter this is, where a process runs several.</param>
    public DeskMetrics(FiguresSnapshot snapshot, object owner)
    {
        meter = new Meter(new MeterOptions(MeterName) { Scope = owner });
        IEnumerable<Measurement<double>> Read(Func<DashboardFigures, IEnumerable<Measurement<double>>> read) =>
            snapshot.Current() is { } figures ? read(figures) : [];

        meter.CreateObservableGauge("kputriage_agreement_ratio", () => Read(f =>
            f.ByPromptVersionAndEngine.SelectMany(g => AgreementTally.Fields.Select(field => new Measurement<double>(
                g.Agreement(field) ?? 0, Tag("field", field), Tag("prompt_version", g.PromptVersion), Tag("engine", g.Engine))))),
            description: "Share of letters decided in the dashboard's default period whose field the clerk kept as the machine proposed it");
        meter.CreateObservableGauge("kputriage_decided_letters", () => Read(f =>
            f.ByPromptVersionAndEngine.Select(g => new Measurement<double>(g.Decided, Tag("prompt_version", g.PromptVersion), Tag("engine", g.Engine)))),
            description: "Letters decided on a machine proposal in the dashboard's default period");
        meter.CreateObservableGauge("kputriage_fields_corrected_ratio", () => Read(f =>
            f.Agreement.CorrectedShare is { } share ? [new Measurement<double>(share)] : []),
            description: "Share of all scored fields of the period's decided letters that clerks corrected");
        meter.CreateObservableGauge("kputriage_backlog_documents", () => Read(f =>
            f.Backlog.ByStatus.Select(s => new Measurement<double>(s.Value, Tag("status", s.Key)))),
            description: "Letters waiting for a person, by inbox status");
        meter.CreateObservableGauge("kputriage_backlog_oldest_age_seconds", () => Read(f =>
            [new Measurement<double>((f.Backlog.OldestHours ?? 0) * 3600)]),
            description: "Time since the oldest waiting letter was received (0 with none waiting)");
        meter.CreateObservableGauge("kputriage_backlog_median_age_seconds", () => Read(f =>
            [new Measurement<double>((f.Backlog.MedianHours ?? 0) * 3600)]),
            description: "Median time since the waiting letters were received (0 with none waiting)");
        meter.CreateObservableGauge("kputriage_documents_received_today", () => Read(f =>
            [new Measurement<double>(Today(f).DocumentsReceived)]),
            description: "Documents received today, in the office's time zone");
        meter.CreateObservableGauge("kputriage_tokens_today", () => Read(f =>
            [new Measurement<double>(Today(f).PromptTokens, Tag("kind", "prompt")), new Measurement<double>(Today(f).CompletionTokens, Tag("kind", "completion"))]),
            description: "Language-model tokens spent today");
        meter.CreateObservableGauge("kputriage_cost_today", () => Read(f =>
            Today(f).Cost is { } cost ? [new Measurement<double>((double)cost, Tag("currency", f.CostCurrency))] : []),
            description: "What today's model calls cost at the configured prices; absent when a provider's price is unknown");
    }

    public void Dispose() => meter.Dispose();

    private static DayFigures Today(DashboardFigures figures) => figures.Days[^1];

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
