using System.Collections.Concurrent;
using System.Net;
using KpuTriage.Benchmarks.Pipeline;
using KpuTriage.Core.Intake;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Benchmarks.Faults;

/// <summary>
/// Integrations sending letters with unique external ids, half over HTTP and half as raw AMQP
/// JSON with publisher confirms, as the README tells them to: a letter counts as acknowledged
/// only on 202 (HTTP) or the broker's confirm (AMQP). Any unknown outcome (a refused
/// connection, a 503, a timeout, a lost confirm) is sent again with the same external id until
/// acknowledged. About one in twenty acknowledged letters is sent a second time on purpose.
/// </summary>
internal sealed class Submissions(FaultOffice office, int letters)
{
    private readonly ConcurrentDictionary<string, bool> acknowledged = new();
    private readonly SemaphoreSlim amqpTurn = new(1, 1);
    private RawAmqp? amqp;

    public int Acknowledged => acknowledged.Count;
    private int resubmitted;
    private int retries;

    public int Resubmitted => resubmitted;
    public int Retries => retries;

    public ICollection<string> ExternalIds => acknowledged.Keys;

    /// <summary>
    /// The share of the letters that may be sent so far: the schedule opens it fault by fault,
    /// so letters are on their way during every fault however long the one before took.
    /// </summary>
    public double Allowed { get; set; } = 1.0;

    /// <summary>Sends every letter, <paramref name="perSecond"/> at most, eight at a time.</summary>
    public async Task RunAsync(double perSecond, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = office.Web.Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", FaultOffice.ApiKey);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForAsync(0, letters, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var due = TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, token);
            }

            while (i >= Allowed * letters)
            {
                await Task.Delay(100, token);
            }

            await SendAsync(http, i, token);
            if (i % 20 == 19)
            {
                // A resubmission of a letter acknowledged before: it must not become a second document.
                await SendAsync(http, i - 10, token);
                Interlocked.Increment(ref resubmitted);
            }
        });
        if (amqp is not null)
        {
            await amqp.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5), ct);
        }
    }

    private Task SendAsync(HttpClient http, int i, CancellationToken ct) =>
        i % 2 == 0 ? OverHttpAsync(http, i, ct) : OverAmqpAsync(i, ct);

    public static string ExternalId(int i) => $"FAULT-{i:D6}";


    private async Task OverHttpAsync(HttpClient http, int i, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var form = new MultipartFormDataContent
                {
                    { new ByteArrayContent(PipelineThroughput.Letter(i)), "file", $"surat-{i}.txt" },
                    { new StringContent(ExternalId(i)), "externalId" },
                };
                using var response = await http.PostAsync("/api/v1/documents", form, ct);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    acknowledged[ExternalId(i)] = true;
                    return;
                }

                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"letter {i} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                // Unknown outcome: the Web host may have taken it before it died. Send it again.
            }

            Interlocked.Increment(ref retries);
            await Task.Delay(Backoff(attempt), ct);
        }
    }

    private async Task OverAmqpAsync(int i, CancellationToken ct)
    {
        var body = new { fileName = $"surat-{i}.txt", content = Convert.ToBase64String(PipelineThroughput.Letter(i)), externalId = ExternalId(i), source = "srikandi" };
        for (var attempt = 0; ; attempt++)
        {
            await amqpTurn.WaitAsync(ct);
            try
            {
                amqp ??= await RawAmqp.ConnectAsync(office.RabbitMq, recover: false).WaitAsync(TimeSpan.FromSeconds(30), ct);
                await amqp.PublishJsonAsync(SubmitDocumentDefinition.QueueName, body).WaitAsync(TimeSpan.FromSeconds(30), ct);
                acknowledged[ExternalId(i)] = true;
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Not confirmed (the broker away, the channel closed): a new connection, and again.
                var broken = amqp;
                amqp = null;
                if (broken is not null)
                {
                    try
                    {
                        // Closing waits for the broker's answer, which a stopped broker never gives.
                        await broken.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5), ct);
                    }
                    catch (Exception dispose) when (dispose is not OperationCanceledException)
                    {
                        // Already closed by the broker's stop.
                    }
                }
            }
            finally
            {
                amqpTurn.Release();
            }

            Interlocked.Increment(ref retries);
            await Task.Delay(Backoff(attempt), ct);
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (1 << Math.Min(attempt, 5))));
}
