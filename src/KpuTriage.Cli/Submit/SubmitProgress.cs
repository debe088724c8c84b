using System.Globalization;
using Spectre.Console;

namespace KpuTriage.Cli.Submit;

/// <summary>Runs the uploads with a progress bar and prints what became of each file.</summary>
public static class SubmitProgress
{
    public static async Task<IReadOnlyList<UploadResult>> RunAsync(IReadOnlyList<string> files, Uploader uploader, int parallel, CancellationToken ct)
    {
        var results = new UploadResult[files.Count];
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(CliText.Get("progress", files.Count), maxValue: Math.Max(1, files.Count));
                await Parallel.ForAsync(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (i, token) =>
                {
                    results[i] = await uploader.UploadAsync(files[i], token);
                    task.Increment(1);
                });
            });
        return results;
    }

    public static void Report(IReadOnlyList<UploadResult> results)
    {
        foreach (var refused in results.Where(r => !r.Accepted))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{CliText.Get("refused")}[/] {refused.Path}: {refused.Error}");
        }

        foreach (var accepted in results.Where(r => r.Accepted))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{CliText.Get("accepted")}[/] {accepted.Path} → {accepted.DocumentId} ({accepted.Status})");
        }

        AnsiConsole.WriteLine(CliText.Get("summary", results.Count(r => r.Accepted), results.Count(r => !r.Accepted)));
    }
}
