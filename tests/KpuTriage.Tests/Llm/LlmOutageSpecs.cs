using KpuTriage.Core.Documents;
using KpuTriage.Core.Llm;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Llm;

/// <summary>
/// A provider outage on the production transport (real RabbitMQ): the propose endpoint stops
/// consuming while the provider is down, resumes on its own, and no letter is lost, proposed
/// twice or sent to manual triage. Timings are shortened (Llm:OutagePause 8 s, an outage of
/// about 20 s); the mechanism — resilience handler, kill switch, parking, redriver — is the real one.
/// </summary>
public sealed class LlmOutageSpecs : IAsyncLifetime
{
    private const int LetterCount = 6;

    private readonly TempDirectory data = new();
    private FakeOpenAi fake = null!;
    private RabbitVhost vhost = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeOpenAi.StartAsync();
        vhost = await RabbitVhost.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        await vhost.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_pause_consumption_and_resume_with_nothing_lost_when_the_provider_is_down_for_a_while()
    {
        fake.Down = true;
        await using var desk = await LlmDesk.StartAsync(data, LlmDesk.Merge(
            LlmDesk.Provider("kantor", fake, ProviderLocations.OnPremises, maxRetries: 1),
            // The pause outlasts the management API's 5-second statistics interval, so the test can see it.
            new() { ["Pipeline:ProposeConcurrency"] = "2", ["Llm:OutagePause"] = "00:00:08" }), vhost.Uri);
        var ids = new List<Guid>();
        for (var i = 0; i < LetterCount; i++)
        {
            ids.Add(await desk.SubmitOkAsync($"undangan-{i}.txt", Letters.UndanganBytes(400 + i)));
        }

        // Down: the kill switch takes the consumer off the queue; letters wait there.
        Assert.True(await Eventually.TrueAsync(async () => await vhost.QueueStatAsync("kputriage.propose", "consumers") == 0, TimeSpan.FromSeconds(30)),
            "the propose queue kept its consumer while the provider was down");
        await Task.Delay(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await desk.CountAsync(DocumentStatus.ManualTriage));
        Assert.Equal(0, await desk.CountAsync(DocumentStatus.InReview));
        var callsWhileDown = fake.Requests.Count;

        fake.Down = false;
        var recovered = await Eventually.TrueAsync(async () => await desk.CountAsync(DocumentStatus.InReview) == LetterCount, TimeSpan.FromSeconds(60));
        Assert.True(recovered, await StateAsync(desk));

        Assert.Equal(LetterCount, await desk.QueryAsync(db => db.Proposals.CountAsync()));
        Assert.Equal(0, await desk.CountAsync(DocumentStatus.ManualTriage));
        Assert.True(await vhost.QueueStatAsync("kputriage.propose_error", "messages") is null or 0, "a letter went to the error queue");
        Assert.True(await Eventually.TrueAsync(async () => await vhost.QueueStatAsync("kputriage.propose", "consumers") == 1, TimeSpan.FromSeconds(30)),
            "the propose queue did not get its consumer back");
        // Paused, the stage tried a handful of times, not once per letter per redrive.
        Assert.True(callsWhileDown < LetterCount * 2 * 4, $"{callsWhileDown} calls while the provider was down");
    }

    /// <summary>What a failure needs to be understood: each unfinished document and the queue.</summary>
    private async Task<string> StateAsync(Desk desk)
    {
        var documents = await desk.QueryAsync(db => db.Documents.Where(d => d.Status != DocumentStatus.InReview)
            .Select(d => $"{d.Id} {d.Status} pending={d.PublishPending} v{d.Version} updated {d.UpdatedAt:O}").ToListAsync());
        return $"not in review: {string.Join("; ", documents)}; propose queue messages={await vhost.QueueStatAsync("kputriage.propose", "messages")}"
            + $" consumers={await vhost.QueueStatAsync("kputriage.propose", "consumers")} error queue={await vhost.QueueStatAsync("kputriage.propose_error", "messages")}; fake requests={fake.Requests.Count}, last at {fake.Requests[^1].At:O}, now {DateTimeOffset.UtcNow:O}";
    }
}
