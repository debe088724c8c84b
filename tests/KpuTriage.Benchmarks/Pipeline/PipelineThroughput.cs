using System.Diagnostics;
using System.Text;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Benchmarks.Pipeline;

/// <summary>Submits short text letters over HTTP to a desk running every stage on RabbitMQ + PostgreSQL and times until all are inbox items.</summary>
internal static class PipelineThroughput
{
    private const string ApiKey = "benchmark-key-0123456789abcdef";
    public static int LetterSize { get; } = Letter(0).Length;

    public static async Task<double> MeasureAsync(int documents, RabbitVhost vhost)
    {
        var data = Directory.CreateTempSubdirectory("kputriage-bench-").FullName;
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = KpuTriageWebApp.Build([
            $"--KPUTRIAGE_DATA_DIR={data}", $"--KPUTRIAGE_API_KEY={ApiKey}", "--KPUTRIAGE_ADMIN_PASSWORD=benchmark-admin-password",
            "--Storage:Provider=postgres", $"--ConnectionStrings:Postgres={database.ConnectionString}",
            "--Transport:Kind=rabbitmq", $"--Transport:RabbitMqUri={vhost.Uri}",
            "--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        // Warm-up: JIT, tiered compilation and EF query caches would otherwise be timed too.
        await RunAsync(app, http, first: 0, count: WarmUp);
        Console.WriteLine($"  warmed up on {WarmUp} letters; measuring {documents}");
        var cpu = CpuMeter.Start();
        var clock = Stopwatch.StartNew();
        var submitted = await RunAsync(app, http, first: WarmUp, count: documents);
        var seconds = clock.Elapsed.TotalSeconds;
        var (self, postgres, rabbitMq) = cpu.Elapsed();
        Console.WriteLine($"  submitted {documents} in {submitted.TotalSeconds:F1} s, all in the inbox after {seconds:F1} s");
        Console.WriteLine($"  CPU per letter: desk and client {1000 * self / documents:F2} ms, PostgreSQL {1000 * postgres / documents:F2} ms, RabbitMQ {1000 * rabbitMq / documents:F2} ms");
        await app.StopAsync();
        Directory.Delete(data, recursive: true);
        return documents / seconds;
    }

    private const int WarmUp = 300;

    /// <returns>How long the submissions took; returns when all are inbox items.</returns>
    private static async Task<TimeSpan> RunAsync(WebApplication app, HttpClient http, int first, int count)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Letter(i)), "file", $"surat-{i}.txt" } };
            (await http.PostAsync("/api/v1/documents", form, ct)).EnsureSuccessStatusCode();
        });
        var submitted = clock.Elapsed;
        int inReview;
        while ((inReview = await CountInReviewAsync(app)) < first + count)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"only {inReview - first} of {count} letters reached the inbox in 10 minutes");
            }

            await Task.Delay(50);
        }

        return submitted;
    }

    private static async Task<int> CountInReviewAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TriageDb>().Documents.CountAsync(d => d.Status == DocumentStatus.InReview);
    }

    public static byte[] Letter(int sequence) => Encoding.UTF8.GetBytes($"""
        KOMISI PEMILIHAN UMUM PROVINSI JAWA BARAT
        Bandung, 12 Maret 2025
        Nomor    : {sequence:D6}/PL.02.1-Und/32/2025
        Sifat    : Segera
        Lampiran : -
        Hal      : Undangan Rapat Koordinasi Pemutakhiran Data Pemilih
        Yth. Ketua KPU Kabupaten Purwakarta di Purwakarta
        Dalam rangka persiapan pemutakhiran data pemilih berkelanjutan, kami mengundang Saudara hadir.
        """);
}
