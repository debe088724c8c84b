using System.Globalization;
using KpuTriage.Core.Dashboard;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Dashboard;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Pages.Admin;

/// <summary>
/// The dashboard (dasbor), for supervisors and admins: agreement between the machine and the
/// clerks, the backlog, documents, tokens and cost over a period of the office's days. Every
/// chart's numbers are also in a table, each cell named by data-figure with its value in
/// data-value (invariant culture), so people without the chart and tests read the same numbers.
/// </summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class DashboardModel(DeskFigures figures, OfficeCalendar calendar, IOptions<DashboardOptions> options, IStringLocalizer<SharedResource> text) : PageModel
{
    public static readonly int[] PresetDays = [7, 30, 90, 366];

    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public string? PeriodError { get; private set; }
    public DashboardFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        var period = (Days, From, To) switch
        {
            ({ } days, _, _) when days is >= 1 and <= DashboardPeriod.MaxDays => DashboardPeriod.Last(days, today),
            (null, { } from, { } to) => DashboardPeriod.Between(from, to),
            (null, null, null) => DashboardPeriod.Last(options.Value.DefaultDays, today),
            _ => null,
        };
        if (period is null)
        {
            PeriodError = text["dashboard.period-invalid", DashboardPeriod.MaxDays].Value;
            period = DashboardPeriod.Last(options.Value.DefaultDays, today);
        }

        Figures = await figures.ReadAsync(period, ct);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Value(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    public static string Value(decimal? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    public string Share(double? value) => value?.ToString("P1", CultureInfo.CurrentCulture) ?? text["dashboard.none"].Value;

    public string Hours(double? value) => value?.ToString("N1", CultureInfo.CurrentCulture) ?? text["dashboard.none"].Value;

    public string Cost(decimal? value) => value is { } v ? $"{v.ToString("#,##0.####", CultureInfo.CurrentCulture)} {Figures.CostCurrency}" : text["dashboard.unknown"].Value;

    public BarChart Chart(string id, string title, Func<DayFigures, double?> value, Func<DayFigures, string> shown, double? max = null) =>
        new(id, title, [.. Figures.Days.Select(d => new ChartBar(Day(d.Day), value(d), shown(d)))], max);
}
