using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KpuTriage.Cli;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Intake;
using KpuTriage.Core.Pipeline;
using KpuTriage.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Messaging;

[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqSpecs
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Should_commit_and_announce_letters_when_they_arrive_by_amqp_http_and_cli()
    {
        await using var pipeline = await RabbitMqPipeline.StartAsync();
        await using var amqp = await RawAmqp.ConnectAsync(pipeline.RabbitMq);
        await amqp.BindQueueAsync("test.committed", TriageBus.CommittedExchange);

        await amqp.PublishJsonAsync(SubmitDocumentDefinition.QueueName, new
        {
            fileName = "dari-srikandi.txt",
            contentType = "text/plain",
            content = Convert.ToBase64String(Letters.UndanganBytes(101)),
            externalId = "SRIKANDI-101",
            source = "srikandi",
            metadata = new { channel = "test" },
        });
        await pipeline.Desk.SubmitOkAsync("lewat-http.txt", Letters.UndanganBytes(102));
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "lewat-cli.txt");
        await File.WriteAllBytesAsync(file, Letters.UndanganBytes(103));
        var exitCode = await CliCommands.Build(() => new HttpClient())
            .Parse(["submit", file, "--url", pipeline.Desk.Address.ToString(), "--api-key", DeskSettings.ApiKey])
            .InvokeAsync();
        Assert.Equal(0, exitCode);

        await pipeline.WaitForAsync(3, DocumentStatus.InReview, Patience);
        using var clerk = await pipeline.Desk.ClerkAsync();
        var inbox = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/review/inbox");
        var ids = inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("documentId").GetGuid()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(["default", "default", "srikandi"], inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("source").GetString()).Order());
        foreach (var id in ids)
        {
            (await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" })).EnsureSuccessStatusCode();
        }

        var announced = await amqp.TakeAsync("test.committed", 3, Patience);
        Assert.Equal(ids.Order(), announced.Select(m => m.GetProperty("message").GetProperty("documentId").GetGuid()).Order());
        var fromSrikandi = announced.Single(m => m.GetProperty("message").GetProperty("source").GetString() == "srikandi");
        Assert.Equal("SRIKANDI-101", fromSrikandi.GetProperty("message").GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task Should_announce_both_people_and_the_commit_time_when_a_rahasia_letter_is_co_approved()
    {
        await using var pipeline = await RabbitMqPipeline.StartAsync();
        await using var amqp = await RawAmqp.ConnectAsync(pipeline.RabbitMq);
        await amqp.BindQueueAsync("test.committed", TriageBus.CommittedExchange);
        var id = await pipeline.Desk.SubmitOkAsync("rahasia.txt", Letters.RahasiaBytes(104));
        await pipeline.WaitForAsync(1, DocumentStatus.InReview, Patience);
        using var clerk = await pipeline.Desk.ClerkAsync();
        using var supervisor = await pipeline.Desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);

        (await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" })).EnsureSuccessStatusCode();
        await Task.Delay(50);
        (await supervisor.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" })).EnsureSuccessStatusCode();

        var message = Assert.Single(await amqp.TakeAsync("test.committed", 1, Patience)).GetProperty("message");
        var entry = await pipeline.Desk.QueryAsync(db => db.Register.AsNoTracking().SingleAsync(e => e.DocumentId == id));
        Assert.Equal((Desk.ClerkName, Desk.SupervisorName), (message.GetProperty("decidedBy").GetString(), message.GetProperty("coApprovedBy").GetString()));
        // The database keeps microseconds, the message the clock's ticks.
        Assert.Equal(entry.CoApprovedAt!.Value, message.GetProperty("committedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(entry.DecidedAt, message.GetProperty("decidedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.True(entry.CoApprovedAt > entry.DecidedAt);
    }

    [Fact]
    public async Task Should_have_no_second_effect_when_every_message_is_delivered_twice()
    {
        await using var pipeline = await RabbitMqPipeline.StartAsync();
        await using var amqp = await RawAmqp.ConnectAsync(pipeline.RabbitMq);
        var submission = new
        {
            fileName = "surat.txt",
            content = Convert.ToBase64String(Letters.UndanganBytes(201)),
            externalId = "EXT-201",
            source = "partner",
        };
        await amqp.PublishJsonAsync(SubmitDocumentDefinition.QueueName, submission);
        await amqp.PublishJsonAsync(SubmitDocumentDefinition.QueueName, submission);
        await pipeline.WaitForAsync(1, DocumentStatus.InReview, Patience);

        var document = await pipeline.Desk.QueryAsync(db => db.Documents.SingleAsync());
        var proposal = await pipeline.Desk.QueryAsync(db => db.Proposals.SingleAsync());
        var bus = pipeline.Desk.Services.GetRequiredService<IBus>();
        foreach (var message in new object[] { new DocumentReceived(document.Id), new TextExtracted(document.Id), new ProposalCreated(document.Id, proposal.Id) })
        {
            await bus.Publish(message);
            await bus.Publish(message);
        }

        await amqp.PublishJsonAsync(SubmitDocumentDefinition.QueueName, submission);
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(1, await pipeline.CountAsync(db => db.Documents));
        Assert.Equal(1, await pipeline.CountAsync(db => db.DocumentTexts));
        Assert.Equal(1, await pipeline.CountAsync(db => db.Proposals));
        Assert.Equal(1, await pipeline.CountAsync(db => db.ReviewItems));
        Assert.Equal(1, await pipeline.Desk.CountAsync(DocumentStatus.InReview));
    }

    [Fact]
    public async Task Should_hold_a_document_until_a_worker_binds_its_queue_when_the_web_front_starts_alone()
    {
        await using var pipeline = await RabbitMqPipeline.StartAsync(workerCount: 0);
        var id = await pipeline.Desk.SubmitOkAsync("surat.txt", Letters.UndanganBytes(301));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var waiting = await pipeline.Desk.QueryAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        Assert.Equal(DocumentStatus.Received, waiting.Status);
        Assert.True(waiting.PublishPending, "an event no queue was bound to must stay pending, not vanish");

        await pipeline.AddWorkerAsync();

        await pipeline.WaitForAsync(1, DocumentStatus.InReview, Patience);
    }

    [Fact]
    public async Task Should_announce_a_commit_made_while_the_broker_was_down_once_it_is_back()
    {
        await using var pipeline = await RabbitMqPipeline.StartAsync(new() { ["Pipeline:PublishTimeout"] = "00:00:01" });
        await using (var setup = await RawAmqp.ConnectAsync(pipeline.RabbitMq))
        {
            await setup.BindQueueAsync("test.committed", TriageBus.CommittedExchange);
        }

        var id = await pipeline.Desk.SubmitOkAsync("surat.txt", Letters.UndanganBytes(501));
        await pipeline.WaitForAsync(1, DocumentStatus.InReview, Patience);
        using var clerk = await pipeline.Desk.ClerkAsync();

        await Broker.StopAsync();
        try
        {
            (await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" })).EnsureSuccessStatusCode();
            Assert.True(await pipeline.Desk.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.PublishPending).SingleAsync()),
                "the commit is recorded with its announcement still pending");
        }
        finally
        {
            await Broker.StartAsync();
        }

        await using var amqp = await RawAmqp.ConnectAsync(pipeline.RabbitMq);
        var announced = await amqp.TakeAsync("test.committed", 1, Patience);
        Assert.Equal(id, Assert.Single(announced).GetProperty("message").GetProperty("documentId").GetGuid());
    }

    [Fact]
    public async Task Should_put_a_refused_amqp_message_in_the_error_queue_when_content_is_not_base64()
    {
        await using var pipeline = await RabbitMqPipeline.StartAsync();
        await using var amqp = await RawAmqp.ConnectAsync(pipeline.RabbitMq);

        await amqp.PublishJsonAsync(SubmitDocumentDefinition.QueueName, new { fileName = "x.txt", content = "%%% not base64 %%%" });

        var errors = await amqp.TakeAsync(SubmitDocumentDefinition.QueueName + "_error", 1, Patience);
        Assert.Single(errors);
        Assert.Equal("x.txt", errors[0].GetProperty("fileName").GetString());
        Assert.Equal(0, await pipeline.CountAsync(db => db.Documents));
    }

    [Fact]
    public async Task Should_bring_every_document_to_the_inbox_once_when_the_broker_restarts_mid_batch()
    {
        await using var pipeline = await RabbitMqPipeline.StartAsync(new() { ["Pipeline:PublishTimeout"] = "00:00:01" });
        const int total = 200;
        var submitted = new List<Guid>();
        async Task SubmitRangeAsync(int from, int to)
        {
            var ids = await Task.WhenAll(Enumerable.Range(from, to - from).Select(async i =>
            {
                var response = await pipeline.Desk.SubmitAsync($"surat-{i}.txt", Letters.UndanganBytes(1000 + i));
                Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }));
            submitted.AddRange(ids);
        }

        await SubmitRangeAsync(0, total / 2);
        await Broker.StopAsync();
        try
        {
            await SubmitRangeAsync(total / 2, total);
        }
        finally
        {
            await Broker.StartAsync();
        }

        await pipeline.WaitForAsync(total, DocumentStatus.InReview, TimeSpan.FromMinutes(4));
        Assert.Equal(total, submitted.Distinct().Count());
        Assert.Equal(total, await pipeline.CountAsync(db => db.Documents));
        Assert.Equal(total, await pipeline.CountAsync(db => db.Proposals));
        Assert.Equal(total, await pipeline.CountAsync(db => db.ReviewItems));
        Assert.Equal(0, await pipeline.CountAsync(db => db.Documents.Where(d => d.Status == DocumentStatus.ManualTriage)));
    }
}
