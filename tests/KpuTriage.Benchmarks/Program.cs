using System.Globalization;
using KpuTriage.Benchmarks.Dashboard;
using KpuTriage.Benchmarks.Extraction;
using KpuTriage.Benchmarks.Faults;
using KpuTriage.Benchmarks.Llm;
using KpuTriage.Benchmarks.Pipeline;
using KpuTriage.Benchmarks.ReviewDesk;
using KpuTriage.Benchmarks.Security;

// Suites:
//   pipeline [documents]  end-to-end on RabbitMQ + PostgreSQL (default; a bare number is the
//                         document count, so the old "run.sh 1000" keeps working)
//   extraction [pages]    OCR, PDF text and parser speed against the CLI tools; no servers
//   desk [items]          the review desk's inbox and approve times with N pending items in PostgreSQL
//   dashboard [letters]   the dashboard's figures (30 and 366 days), its page and a /metrics scrape over
//                         a year of N decided letters and N model calls, on PostgreSQL and SQLite
//   hostile [rounds]      the hostile corpus at default limits against a desk in its own process:
//                         peak memory of the server and its tools, and how fast an ordinary
//                         letter sent meanwhile reaches the inbox; OCR tools, no servers
//   faults [letters]      letters into web + 2 workers as separate processes while they are killed
//                         and PostgreSQL and the broker stopped, then decisions while the web host
//                         is killed; reconciled: lost, duplicated, stuck, commits, ledger. Exit 1 on
//                         any loss; its last line is the verdict (test.sh runs it with 500)
//   workers [letters]     scanned letters through Web + one or two Worker processes, on shared cores and
//                         with each worker confined to one core: when a second worker pays
//   llm [per-slot]        language-model engine against a fake provider answering after 2 s:
//                         documents/s at concurrency N vs the ideal N/2; prompt tokens per
//                         letter of the development set; no servers
// See run.sh, which starts the servers only for the pipeline suite.
var named = args.Length > 0 && !IsCount(args[0]);
var suite = named ? args[0] : "pipeline";
var count = named ? args.ElementAtOrDefault(1) : args.ElementAtOrDefault(0);
if (count is not null && !IsCount(count))
{
    return Usage($"not a positive count: {count}");
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C ends the child processes' waits cleanly and still deletes the temp inputs.
    e.Cancel = true;
    cancel.Cancel();
};

return suite switch
{
    "pipeline" => await PipelineSuite.RunAsync(Count(count, 1000)),
    "extraction" => await ExtractionSuite.RunAsync(Count(count, 8), cancel.Token),
    "desk" => await DeskSuite.RunAsync(Count(count, 100_000)),
    "dashboard" => await DashboardSuite.RunAsync(Count(count, 100_000)),
    "llm" => await LlmSuite.RunAsync(Count(count, 6)),
    "hostile" => await HostileSuite.RunAsync(Count(count, 1)),
    "faults" => await FaultSuite.RunAsync(Count(count, 500), cancel.Token),
    "workers" => await WorkerScaling.RunAsync(Count(count, 24), cancel.Token),
    _ => Usage($"unknown suite: {suite}"),
};

static bool IsCount(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0;

static int Count(string? text, int fallback) => text is null ? fallback : int.Parse(text, CultureInfo.InvariantCulture);

static int Usage(string problem)
{
    Console.Error.WriteLine($"{problem}\nusage: KpuTriage.Benchmarks [pipeline [documents] | extraction [pages] | desk [items] | dashboard [letters] | hostile [rounds] | faults [letters] | llm [documents per call slot]]");
    return 64;
}
