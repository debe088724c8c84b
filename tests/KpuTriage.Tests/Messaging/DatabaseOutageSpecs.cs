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

    [Fact]
    public async Task Should_show_people_a_page_in_their_language_and_integrations_json_when_postgres_is_down()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var database = await PostgresDatabase.CreateAsync(postgres.ConnectionString);
        using var data = new TempDirectory();
        await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path, PostgresConnectionString = database.ConnectionString, Stages = "" });
        await desk.EnsurePeopleAsync();
        using var siti = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
        using var budi = await DeskSession.SignInAsync(desk, Desk.SupervisorName, Desk.PeoplePassword);
        using (var english = await DeskSession.PostFormAsync(budi, "/account/language", new Dictionary<string, string> { ["language"] = "en" }, formPage: "/inbox"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, english.StatusCode);
        }

        var form = DeskSession.Token(await siti.GetStringAsync("/inbox"));

        await postgres.StopAsync();
        try
        {
            // Indonesian by default; the outage stops the session check, yet each keeps their language.
            var indonesian = await PageAsync(siti, HttpMethod.Get, "/inbox");
            Assert.Contains("<html lang=\"id\">", indonesian);
            Assert.Contains("Server kantor sebentar tidak dapat dihubungi", indonesian);
            Assert.Contains("tidak hilang", indonesian);
            Assert.Contains("Coba lagi dalam beberapa detik", indonesian);
            Assert.DoesNotContain("temporarily_unavailable", indonesian);

            var english = await PageAsync(budi, HttpMethod.Get, "/inbox");
            Assert.Contains("<html lang=\"en\">", english);
            Assert.Contains("The office&#39;s server is briefly unavailable", english);
            Assert.Contains("are not lost", english);
            Assert.Contains("Try again in a few seconds", english);

            // A form that failed may not have been saved: the page says so and how to send it again.
            using var post = new HttpRequestMessage(HttpMethod.Post, "/account/language")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "en", ["__RequestVerificationToken"] = form! }),
            };
            var sent = await PageAsync(siti, post);
            Assert.Contains("belum tentu tersimpan", sent);
            Assert.DoesNotContain("http-equiv=\"refresh\"", sent);

            // The API keeps its JSON, whatever the caller accepts.
            using var api = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/documents/{Guid.NewGuid()}");
            api.Headers.Accept.ParseAdd("text/html,application/json");
            using var answer = await desk.Integration.SendAsync(api);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"temporarily_unavailable\"", await answer.Content.ReadAsStringAsync());
        }
        finally
        {
            await postgres.StartAgainAsync();
        }
    }

    private static Task<string> PageAsync(HttpClient person, HttpMethod method, string path) => PageAsync(person, new HttpRequestMessage(method, path));

    /// <summary>Sends what a browser sends (Accept: text/html…) and expects the desk's 503 page.</summary>
    private static async Task<string> PageAsync(HttpClient person, HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            using var response = await person.SendAsync(request);
            var page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}:\n{page}");
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            return page;
        }
    }
}
