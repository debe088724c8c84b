using System.Net.Http.Json;
using KpuTriage.Core.Dashboard;
using KpuTriage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Dashboard;

/// <summary>
/// A letter through the real pipeline and the clerk's decision, then the dashboard: what the
/// desk writes (the register's diff, engine, prompt version) is what the dashboard reads.
/// </summary>
public abstract class DashboardFlowSpecs : OnEachStorage
{
    private Desk desk = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        desk = await Desk.StartAsync(new DeskSettings { DataDirectory = DataDirectory, PostgresConnectionString = PostgresConnectionString });
    }

    public override async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_count_a_correction_when_a_clerk_approves_a_letter_with_one_field_changed()
    {
        var id = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(61));
        await desk.WaitForStatusAsync(id, "in_review");
        var waiting = await ReadAsync();
        using var siti = await desk.ClerkAsync();

        var decision = await siti.PostAsJsonAsync($"/api/v1/review/{id}/decision",
            new { action = "approve_with_corrections", corrections = new { perihal = "Undangan rapat pleno (dikoreksi petugas)" } });
        decision.EnsureSuccessStatusCode();
        var decided = await ReadAsync();

        Assert.Equal((1, 1, 0), (waiting.Backlog.Size, waiting.Backlog.ByStatus["in_review"], waiting.Agreement.Decided));
        Assert.Equal(1, waiting.Days[^1].DocumentsReceived);
        Assert.Equal((0, 1, 1), (decided.Backlog.Size, decided.Agreement.Decided, decided.Agreement.FieldsCorrected));
        Assert.Equal(0, decided.Agreement.Agreement("perihal"));
        Assert.Equal(1, decided.Agreement.Agreement("sender"));
        Assert.Equal("local", Assert.Single(decided.ByEngine).Engine);
        Assert.StartsWith("taxonomy:", Assert.Single(decided.ByPromptVersion).PromptVersion, StringComparison.Ordinal);
        Assert.Equal(1, decided.Days[^1].Agreement.Decided);
    }

    private async Task<DashboardFigures> ReadAsync()
    {
        await using var scope = desk.Services.CreateAsyncScope();
        var calendar = scope.ServiceProvider.GetRequiredService<OfficeCalendar>();
        return await scope.ServiceProvider.GetRequiredService<DeskFigures>().ReadAsync(DashboardPeriod.Last(7, calendar.Today), CancellationToken.None);
    }
}
