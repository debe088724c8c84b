using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Persistence;
using KpuTriage.Tests.Llm;
using KpuTriage.Tests.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Benchmarks.Llm;

/// <summary>
/// The language-model engine against a fake provider that answers after a fixed delay:
/// documents per second at concurrency N against the ideal N ÷ delay, and the prompt tokens
/// of an average letter of the development set (prompts/eval/dev-sources/*.txt when the
/// repository has it, else the specs' sample letters).
/// </summary>
internal static class LlmSuite
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(int documentsPerSlot)
    {
        await using var fake = await FakeOpenAi.StartAsync();
        fake.Default = _ => FakeReply.Answer(FakeAnswers.Valid()) with { Delay = Delay };
        Console.WriteLine($"fake provider answering after {Delay.TotalSeconds:F0} s; {documentsPerSlot} documents per call slot");
        Console.WriteLine("| N | documents | seconds | documents/s | ideal N/2 | ratio |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var n in new[] { 2, 4, 8, 16 })
        {
            var documents = n * documentsPerSlot;
            var rate = await ThroughputAsync(fake, n, documents);
            var ideal = n / Delay.TotalSeconds;
            Console.WriteLine($"| {n} | {documents} | {documents / rate:F1} | {rate:F2} | {ideal:F1} | {rate / ideal:P0} |");
        }

        await TokensAsync();
        return 0;
    }

    private static async Task<double> ThroughputAsync(FakeOpenAi fake, int n, int documents)
    {
        await using var desk = await LlmDeskHost.StartAsync(fake, n);
        var run = Guid.NewGuid().ToString("N")[..8];

        // Warm-up: one round of N, so JIT and first connections are not timed.
        await SubmitAndWaitAsync(desk, run, first: 0, count: n);
        var clock = Stopwatch.StartNew();
        await SubmitAndWaitAsync(desk, run, first: n, count: documents);
        return documents / clock.Elapsed.TotalSeconds;
    }

    private static async Task SubmitAndWaitAsync(LlmDeskHost desk, string run, int first, int count)
    {
        // Every letter unique: the cache would otherwise answer all but the first.
        await Parallel.ForAsync(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await desk.SubmitAsync($"surat-{i}.txt", Encoding.UTF8.GetBytes(SampleLetters.KpuProvinsiUndangan + $"\nArsip {run}-{i}")));
        while (await CountAsync(desk) < first + count)
        {
            await Task.Delay(20);
        }
    }

    private static async Task<int> CountAsync(LlmDeskHost desk)
    {
        await using var scope = desk.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TriageDb>().Documents
            .CountAsync(d => d.Status == DocumentStatus.InReview || d.Status == DocumentStatus.ManualTriage);
    }

    /// <summary>Sends every development letter through the real engine once and counts what the requests carried.</summary>
    private static async Task TokensAsync()
    {
        var (source, letters) = DevelopmentLetters();
        await using var fake = await FakeOpenAi.StartAsync();
        await using (var desk = await LlmDeskHost.StartAsync(fake, 4))
        {
            var i = 0;
            foreach (var letter in letters)
            {
                await desk.SubmitAsync($"dev-{i++}.txt", Encoding.UTF8.GetBytes(letter));
            }

            while (await CountAsync(desk) < letters.Count)
            {
                await Task.Delay(50);
            }
        }

        var prompt = fake.Requests.Select(r => r.Json.GetProperty("messages").EnumerateArray()
            .Sum(m => LetterBudget.Count(m.GetProperty("content").ToString()))).ToList();
        var letterOnly = fake.Requests.Select(r => LetterBudget.Count(r.Letter)).ToList();
        var example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "prompts", "llm", "examples", "01-undangan.json"));
        Console.WriteLine();
        Console.WriteLine($"tokens (o200k) over {fake.Requests.Count} letters of {source} that reached a model ({letters.Count} submitted):");
        Console.WriteLine($"  prompt per letter:      mean {prompt.Average():F0}, max {prompt.Max()} (system + few-shot + letter)");
        Console.WriteLine($"  of which the letter:    mean {letterOnly.Average():F0}, max {letterOnly.Max()}");
        Console.WriteLine($"  completion (estimate):  {LetterBudget.Count(example)} — the few-shot answer's size; the fake's own answers are not a model's");
    }

    private static (string Source, List<string> Letters) DevelopmentLetters()
    {
        var folder = Path.Combine(RepositoryRoot(), "prompts", "eval", "dev-sources");
        if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.txt").Any())
        {
            return ("prompts/eval/dev-sources", [.. Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)]);
        }

        var samples = typeof(SampleLetters).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!).ToList();
        return ("the specs' sample letters (prompts/eval/dev-sources is not in this checkout)", samples);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KpuTriage.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
