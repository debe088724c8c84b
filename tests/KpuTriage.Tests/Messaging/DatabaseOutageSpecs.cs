using KpuTriage.Core.Documents;
using KpuTriage.Core.Intake;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Messaging;

/// <summary>
/// PostgreSQL away for longer than a message's retry budget: a transient failure must never
/// move a message to an error queue nor a letter to manual triage. The cluster is the test's
/// own (<see cref="PrivatePostgres"/>), so stopping it disturbs no other test.
/// </summary>
public sealed class DatabaseOutageSpecs
{
    private static readonly string[] StageQueues = ["kputriage.intake", "kputriage.extract", "kputriage.propose", "kputriage.review", "kputriage.stage-faults"];

    [Fact]
    public async Task Should_record_every_confirmed_amqp_submission_when_postgres_is_down_longer_than_the_retry_budget()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        // Two retries of 50–200 ms: a budget of well under a second, against an outage of eight.
        await using var pipeline = await RabbitMqPipeline.StartAsync(postgresServer: postgres.ConnectionString);
        await using var amqp = await RawAmqp.ConnectAsync(pipeline.RabbitMq);
        const int overHttp = 6, overAmqp = 10;
        for (var i = 0; i < overHttp; i++)
        {
            await pipeline.Desk.SubmitOkAsync($"sebelum-{i}.txt", Letters.UndanganBytes(700 + i));
        }

        // The letters above are somewhere between intake and review when the database goes.
        await postgres.StopAsync();
        try
        {
            for (var i = 0; i < overAmqp; i++)
            {
                // Confirmed by the broker: from here on the desk owes the integration a document.
                await amqp.PublishJsonAsync(SubmitDocumentDefinition.QueueName, new
                {
                    fileName = $"saat-padam-{i}.txt",
                    content = Convert.ToBase64String(Letters.UndanganBytes(800 + i)),
                    externalId = $"PADAM-{i}",
                    source = "srikandi",
                });
            }

            // Over HTTP the integration is told to come back, not that the desk is broken.
            var refused = await pipeline.Desk.SubmitAsync("saat-padam-http.txt", Letters.UndanganBytes(900), externalId: "PADAM-HTTP");
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("\"temporarily_unavailable\"", await refused.Content.ReadAsStringAsync());

            await Task.Delay(TimeSpan.FromSeconds(8));
        }
        finally
        {
            await postgres.StartAgainAsync();
        }

        // The same request, sent again once the database is back, is accepted.
        await pipeline.Desk.SubmitOkAsync("saat-padam-http.txt", Letters.UndanganBytes(900), externalId: "PADAM-HTTP");
        await pipeline.WaitForAsync(overHttp + overAmqp + 1, DocumentStatus.InReview, TimeSpan.FromSeconds(90));
        foreach (var queue in StageQueues)
        {
            Assert.Empty(await amqp.TakeAsync(queue + "_error", 1, TimeSpan.FromMilliseconds(300)));
        }

        Assert.Equal(0, await pipeline.Desk.CountAsync(DocumentStatus.ManualTriage));
    }
}
