namespace KpuTriage.Core.Dashboard;

/// <summary>What the dashboard and the metrics show, read from the database for one period.</summary>
public sealed record DashboardFigures(
    DashboardPeriod Period,
    DateTimeOffset ReadAt,
    AgreementTally Agreement,
    IReadOnlyList<AgreementTally> ByPromptVersion,
    IReadOnlyList<AgreementTally> ByEngine,
    IReadOnlyList<AgreementTally> ByPromptVersionAndEngine,
    IReadOnlyList<DayFigures> Days,
    BacklogFigures Backlog,
    string CostCurrency);
