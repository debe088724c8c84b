using KpuTriage.Core.Dashboard;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Dashboard;

/// <summary>
/// The figures the metrics report: the dashboard's default period, read at most once per
/// Dashboard:MetricsRefresh, off the scrape's thread. A scrape that finds them stale starts one
/// refresh and waits for it at most Dashboard:MetricsWait (all gauges of the scrape together),
/// then answers with what it has: a slow database slows no scrape and gets no pile of queries.
/// </summary>
public sealed class FiguresSnapshot(IServiceScopeFactory scopes, OfficeCalendar calendar, IOptions<DashboardOptions> options, TimeProvider clock, ILogger<FiguresSnapshot> log)
{
    private readonly Lock gate = new();
    private DashboardFigures? latest;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;
    private Task? refreshing;
    private DateTimeOffset waitUntil;

    public DashboardFigures? Current()
    {
        Task pending;
        DateTimeOffset deadline;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            // After a failed read too: a database that is down is asked again only after the refresh period.
            if (now - readAt < options.Value.MetricsRefresh)
            {
                return latest;
            }

            if (refreshing is null)
            {
                waitUntil = now + options.Value.MetricsWait;
                refreshing = Task.Run(RefreshAsync);
            }

            (pending, deadline) = (refreshing, waitUntil);
        }

        var left = deadline - clock.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            // RefreshAsync never throws (it logs), so Wait only ever times out or completes.
            pending.Wait(left);
        }

        lock (gate)
        {
            return latest;
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var figures = await scope.ServiceProvider.GetRequiredService<DeskFigures>()
                .ReadAsync(DashboardPeriod.Last(options.Value.DefaultDays, calendar.Today), CancellationToken.None);
            lock (gate)
            {
                latest = figures;
            }
        }
        catch (Exception e)
        {
            // The metrics keep the last figures read; the next scrape tries again.
            log.LogWarning(e, "Reading the dashboard's figures for the metrics failed");
        }
        finally
        {
            lock (gate)
            {
                (readAt, refreshing) = (clock.GetUtcNow(), null);
            }
        }
    }
}
