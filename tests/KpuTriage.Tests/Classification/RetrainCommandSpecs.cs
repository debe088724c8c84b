using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KpuTriage.Cli;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Classification;

/// <summary>
/// <c>kputriage classifier retrain</c> against a running office: it trains on the approved
/// decisions at once (the schedule here is a day away) and the desk proposes with the new
/// model within its reload interval.
/// </summary>
public sealed class RetrainCommandSpecs : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly TempDirectory prompts = new();

    public void Dispose()
    {
        data.Dispose();
        prompts.Dispose();
    }

    [Fact]
    public async Task Should_train_on_approved_decisions_at_once_and_reach_the_running_desk()
    {
        await using var desk = await SeedPrompts.StartDeskAsync(data.Path, prompts.Path, retrainInterval: "1.00:00:00");
        using var clerk = await desk.ClerkAsync();
        foreach (var sequence in new[] { 31, 32 })
        {
            var id = await desk.SubmitOkAsync($"undangan-{sequence}.txt", Letters.UndanganBytes(sequence));
            await desk.WaitForStatusAsync(id, "in_review");
            var decision = await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });
            Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        }

        var settings = Path.Combine(data.Path, "office.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["KPUTRIAGE_DATA_DIR"] = data.Path,
            ["Storage"] = new { Provider = "sqlite" },
            ["Prompts"] = new { Directory = prompts.Path },
        }));

        var exitCode = await CliCommands.Build(() => new HttpClient()).Parse(["classifier", "retrain", "--settings", settings]).InvokeAsync();

        Assert.Equal(0, exitCode);
        var model = await desk.QueryAsync(db => db.ClassifierModels.AsNoTracking().OrderByDescending(m => m.TrainedAt).FirstAsync());
        Assert.StartsWith("command:", model.TrainedBy, StringComparison.Ordinal);
        Assert.Equal(2, model.ApprovedExamples);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var next = await desk.SubmitOkAsync("undangan-33.txt", Letters.UndanganBytes(33));
        var proposal = (await desk.WaitForStatusAsync(next, "in_review")).GetProperty("proposal");
        Assert.EndsWith(model.Id.ToString("N")[^8..], proposal.GetProperty("model").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_with_a_clear_message_when_the_settings_file_is_missing()
    {
        var exitCode = await CliCommands.Build(() => new HttpClient()).Parse(["classifier", "retrain", "--settings", Path.Combine(data.Path, "tidak-ada.json")]).InvokeAsync();

        Assert.Equal(1, exitCode);
    }
}
