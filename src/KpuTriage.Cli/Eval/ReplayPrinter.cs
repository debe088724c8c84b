using System.Globalization;
using KpuTriage.Core.Prompts;
using Spectre.Console;

namespace KpuTriage.Cli.Eval;

/// <summary>Prints a replay: per-field accuracy of the draft beside the active version, then each version's tokens and time, then where to find the run.</summary>
public static class ReplayPrinter
{
    public static void Print(IAnsiConsole console, ReplayRun run, ReplayResult result)
    {
        var letters = result.Letters.Count;
        console.WriteLine();
        console.Write(new Rule(Markup.Escape(CliText.Get("replay-letters", letters, result.Decisions, result.DevelopmentLetters))).LeftJustified());
        var scores = Table(
            CliText.Get("col-field"), CliText.Get("col-n"), CliText.Get("col-draft", run.DraftNumber), CliText.Get("col-active-version", run.ActiveNumber), CliText.Get("col-difference"));
        var active = result.Active.Scores.Fields.ToDictionary(f => f.Field, StringComparer.Ordinal);
        foreach (var draft in result.Draft.Scores.Fields)
        {
            var before = active[draft.Field];
            scores.AddRow(Cells(draft.Field, Count(draft.Letters), Share(draft), Share(before), Difference(draft.Correct - before.Correct)));
        }

        console.Write(scores);
        console.WriteLine(CliText.Get("replay-cost"));
        var cost = Table(
            CliText.Get("col-version"), CliText.Get("col-answers"), CliText.Get("col-prompt-tokens"), CliText.Get("col-completion-tokens"), CliText.Get("col-p50"), CliText.Get("col-p95"));
        cost.AddRow(Costs(CliText.Get("col-draft", run.DraftNumber), result.Draft));
        cost.AddRow(Costs(CliText.Get("col-active-version", run.ActiveNumber), result.Active));
        console.Write(cost);
        var differ = result.Letters.Where(l => l.Fields.Any(f => f.Draft != f.Active)).Select(l => l.Source).ToList();
        console.WriteLine(CliText.Get("replay-differ", differ.Count == 0 ? "-" : string.Join(", ", differ)));
        if (result.Note is { } note)
        {
            console.WriteLine(CliText.Get("replay-note", note));
        }

        console.WriteLine(CliText.Get("replay-stored", run.Id));
    }

    private static Table Table(params string[] headers)
    {
        var table = new Table();
        table.AddColumn(new TableColumn(Markup.Escape(headers[0])));
        foreach (var header in headers.Skip(1))
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        }

        return table;
    }

    private static Text[] Costs(string version, VersionReplay replay) => Cells(
        version,
        string.Create(CultureInfo.InvariantCulture, $"{replay.ModelAnswers} ({replay.CachedAnswers})"),
        Count(replay.PromptTokens),
        Count(replay.CompletionTokens),
        replay.LatencyP50Ms is { } p50 ? Count(p50) : "-",
        replay.LatencyP95Ms is { } p95 ? Count(p95) : "-");

    private static Text[] Cells(params string[] cells) => [.. cells.Select(c => new Text(c))];

    private static string Share(FieldTally tally) =>
        tally.Share is { } share ? string.Create(CultureInfo.InvariantCulture, $"{100.0 * share:0.0} % ({tally.Correct}/{tally.Letters})") : "-";

    private static string Difference(int letters) => letters switch
    {
        > 0 => string.Create(CultureInfo.InvariantCulture, $"+{letters}"),
        0 => "=",
        _ => letters.ToString(CultureInfo.InvariantCulture),
    };

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
