using System.Diagnostics;
using System.Globalization;
using KpuTriage.Benchmarks.Extraction;
using KpuTriage.Benchmarks.Hosts;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Benchmarks.Pipeline;

/// <summary>
/// When a second Worker process pays: scanned letters (300 dpi page images, so every one is
/// OCR) through a Web host (intake, review) and one or two Worker hosts (extract, OCR,
/// propose), each its own OS process, on RabbitMQ and PostgreSQL. Run on the machine's cores
/// shared, and with each worker confined to one core (taskset), as two one-core machines
/// would be: the first says what a second process on the same machine buys, the second what a
/// second machine buys.
/// </summary>
internal static class WorkerScaling
{
    private const string ApiKey = "workers-integration-key-0123456789";

    private sealed record Scenario(string Name, string?[] WorkerCpus, int OcrConcurrency);

    public static async Task<int> RunAsync(int letters, CancellationToken cancellationToken)
    {
        using var inputs = await BenchmarkInputs.CreateAsync(letters, cancellationToken);
        var cores = Environment.ProcessorCount;
        Scenario[] scenarios =
        [
            new($"1 worker, {cores} cores shared", [null], cores),
            new($"2 workers, {cores} cores shared", [null, null], cores),
            new("1 worker on 1 core", ["0"], 1),
            new("2 workers, 1 core each", ["0", "1"], 1),
        ];
        Console.WriteLine($"{letters} scanned letters (one 300 dpi page each) per run; Web (intake, review) + Worker(s) (extract, ocr, propose), OMP_THREAD_LIMIT=1");
        foreach (var scenario in scenarios)
        {
            var seconds = await MeasureAsync(scenario, inputs.PageImages, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {scenario.Name,-28} {letters / seconds,6:F2} letters/s  ({seconds:F1} s, Pipeline:OcrConcurrency={scenario.OcrConcurrency} per worker)"));
        }

        return 0;
    }

    private static async Task<double> MeasureAsync(Scenario scenario, IReadOnlyList<string> images, CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        await using var database = await PostgresDatabase.CreateAsync();
        await using var vhost = await RabbitVhost.CreateAsync();
        var log = new StringWriter();
        Dictionary<string, string> Settings(string name, string stages, int ocr) => new()
        {
            ["KPUTRIAGE_DATA_DIR"] = Path.Combine(folder.Path, name),
            ["KPUTRIAGE_API_KEY"] = ApiKey,
            ["KPUTRIAGE_ADMIN_PASSWORD"] = "workers-admin-password-0123",
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Transport:Kind"] = "rabbitmq",
            ["Transport:RabbitMqUri"] = vhost.Uri.ToString(),
            ["Ledger:KeyPath"] = Path.Combine(folder.Path, "office-key.pem"),
            ["Pipeline:Stages"] = stages,
            ["Pipeline:OcrConcurrency"] = ocr.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };

        await using var web = await HostProcess.StartWebAsync(Settings("web", "intake,review", 1), "web", log);
        var workers = new List<HostProcess>();
        try
        {
            foreach (var (cpus, n) in scenario.WorkerCpus.Select((c, i) => (c, i + 1)))
            {
                workers.Add(await HostProcess.StartWorkerAsync(Settings($"worker-{n}", "extract,ocr,propose", scenario.OcrConcurrency), $"worker-{n}", log, cpus));
            }

            using var http = new HttpClient { BaseAddress = web.Address, Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

            // Warm-up, untimed: the first letter waits for the seed classifier's training.
            await SubmitAsync(http, "warm-up.txt", "Nomor : 001/PL.02-Und/3214/2025\nHal : Undangan Rapat\nKami mengundang Saudara hadir."u8.ToArray(), cancellationToken);
            await UntilWithClerkAsync(database, 1, cancellationToken);

            var clock = Stopwatch.StartNew();
            await Parallel.ForAsync(0, images.Count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
                await SubmitAsync(http, Path.GetFileName(images[i]), await File.ReadAllBytesAsync(images[i], ct), ct));
            await UntilWithClerkAsync(database, 1 + images.Count, cancellationToken);
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private static async Task SubmitAsync(HttpClient http, string name, byte[] content, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        (await http.PostAsync("/api/v1/documents", form, cancellationToken)).EnsureSuccessStatusCode();
    }

    private static async Task UntilWithClerkAsync(PostgresDatabase database, int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(20);
        while (true)
        {
            await using var db = new PostgresTriageDb(new DbContextOptionsBuilder<PostgresTriageDb>().UseNpgsql(database.ConnectionString).Options);
            var done = await db.Documents.CountAsync(d => d.Status == DocumentStatus.InReview || d.Status == DocumentStatus.ManualTriage, cancellationToken);
            if (done >= count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"only {done} of {count} letters reached a clerk in 20 minutes");
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
