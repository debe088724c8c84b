using System.Globalization;
using KpuTriage.Core.Evaluation;
using Spectre.Console;

namespace KpuTriage.Cli.Eval;

/// <summary>Prints an evaluation as tables: per-field scores, confusion tables, manual triage and time, for all documents and optionally per rendering.</summary>
public static class ReportPrinter
{
    public static void Print(IAnsiConsole console, EvaluationReport report, bool byRendering)
    {
        PrintGroup(console, CliText.Get("all-documents"), report.Summary);
        KindTable(console, report);
        if (report.HandwrittenNumber is { } handwritten)
        {
            PrintGroup(console, CliText.Get("handwritten-group"), handwritten);
        }

        if (byRendering)
        {
            foreach (var (rendering, group) in report.ByRendering)
            {
                PrintGroup(console, CliText.Get("rendering-group", rendering), group);
            }
        }

        console.WriteLine();
        console.WriteLine(CliText.Get("wall-clock", Seconds(report.WallClockSeconds), report.Summary.Documents, Seconds(report.SecondsPerDocument)));
        console.WriteLine(CliText.Get("prompt-versions", report.PromptVersions.Count == 0 ? "-" : string.Join(", ", report.PromptVersions)));
        Notes(console, "unlabelled", report.UnlabelledDocuments);
        Notes(console, "unmatched", report.UnmatchedLabels);
        Notes(console, "ignored-columns", report.IgnoredColumns ?? []);
        foreach (var refused in report.Refused)
        {
            console.WriteLine(CliText.Get("refused-file", refused.File, refused.Reason));
        }
    }

    private static void PrintGroup(IAnsiConsole console, string title, EvaluationGroup group)
    {
        console.WriteLine();
        console.Write(new Rule(Markup.Escape($"{title} ({group.Documents})")).LeftJustified());
        var text = group.Scores.Fields.Values.Where(f => !f.IsCategory).ToList();
        var categories = group.Scores.Fields.Values.Where(f => f.IsCategory).ToList();
        if (group.Scores.Letters == 0)
        {
            console.WriteLine(CliText.Get("no-scored"));
        }
        else
        {
            if (text.Count > 0)
            {
                var table = Table("col-field", "col-n", "col-exact", "col-normalised", "col-loose");
                text.ForEach(f => AddRow(table, f.Field, Count(f.Letters), Share(f.Exact, f.Letters), Share(f.Normalised ?? 0, f.Letters),
                    f.Loose is { } loose ? Share(loose, f.Letters) : "-"));
                console.Write(table);
            }

            if (categories.Count > 0)
            {
                var table = Table("col-field", "col-n", "col-accuracy");
                categories.ForEach(f => AddRow(table, f.Field, Count(f.Letters), Share(f.Exact, f.Letters)));
                console.Write(table);
                foreach (var field in categories)
                {
                    console.WriteLine(CliText.Get("confusion", field.Field));
                    console.Write(Confusion(field.Confusion!, console.Profile.Width));
                }
            }
        }

        if (group.HandwrittenNumbers is { } numbers)
        {
            console.WriteLine(CliText.Get("handwritten-numbers", Count(numbers.Letters), Share(numbers.Exact, numbers.Letters),
                Share(numbers.PrintedPartMarked, numbers.Letters), Share(numbers.Invented, numbers.Letters)));
        }

        if (group.SummaryCoverage is { } coverage)
        {
            console.WriteLine(CliText.Get("summary-coverage", Percent(coverage)));
        }

        var manual = group.ManualTriage;
        console.WriteLine(CliText.Get("manual", manual.Count, group.Documents, Percent(manual.Share)));
        if (manual.Reasons.Count > 0)
        {
            var reasons = Table("col-reason", "col-count");
            foreach (var (reason, count) in manual.Reasons)
            {
                AddRow(reasons, reason.Length == 0 ? "-" : reason, Count(count));
            }

            console.Write(reasons);
        }

        console.WriteLine(CliText.Get("latency", Seconds(group.Latency.P50Seconds), Seconds(group.Latency.P95Seconds), group.Latency.Documents));
    }

    /// <summary>One table, field by kind of image (exact share; normalised for text fields in brackets), the view real letters are judged by.</summary>
    private static void KindTable(IAnsiConsole console, EvaluationReport report)
    {
        var kinds = report.ByKind ?? new Dictionary<string, EvaluationGroup>();
        var groups = kinds.Select(k => (Title: k.Key, Group: k.Value)).ToList();
        if (report.HandwrittenNumber is { } handwritten)
        {
            groups.Add((CliText.Get("handwritten-column"), handwritten));
        }

        if (groups.Count == 0 || report.Summary.Scores.Letters == 0)
        {
            return;
        }

        groups.Add((CliText.Get("all-column"), report.Summary));
        console.WriteLine();
        console.Write(new Rule(Markup.Escape(CliText.Get("kind-table"))).LeftJustified());
        var table = new Table();
        table.AddColumn(new TableColumn(Markup.Escape(CliText.Get("col-field"))));
        foreach (var (title, group) in groups)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"{title} ({group.Scores.Letters})")).RightAligned());
        }

        foreach (var field in report.Summary.Scores.Fields.Keys)
        {
            AddRow(table, [field, .. groups.Select(g => Cell(g.Group.Scores.Fields[field]))]);
        }

        AddRow(table, [CliText.Get("summary-row"), .. groups.Select(g => Percent(g.Group.SummaryCoverage))]);
        console.Write(table);
    }

    private static string Cell(FieldScore score)
    {
        if (score.ExactShare is not { } exact)
        {
            return "-";
        }

        var cell = string.Create(CultureInfo.InvariantCulture, $"{100 * exact:0} %");
        if (score.NormalisedShare is { } normalised && Math.Abs(normalised - exact) > 1e-9)
        {
            cell += string.Create(CultureInfo.InvariantCulture, $" ({100 * normalised:0})");
        }

        return score.LooseShare is { } loose ? cell + string.Create(CultureInfo.InvariantCulture, $" ~{100 * loose:0}") : cell;
    }

    private static Table Confusion(ConfusionTable confusion, int width)
    {
        // Twenty letter types do not fit a terminal as a matrix: list the mistakes instead.
        const int cellWidth = 6;
        if (confusion.Labels.Max(l => l.Length) + ((confusion.Labels.Count + 1) * cellWidth) > width)
        {
            return Mistakes(confusion);
        }

        var table = new Table();
        table.AddColumn(new TableColumn(string.Empty));
        foreach (var proposed in confusion.Labels)
        {
            table.AddColumn(new TableColumn(Markup.Escape(proposed)).RightAligned());
        }

        foreach (var expected in confusion.Labels.Where(confusion.Counts.ContainsKey))
        {
            AddRow(table, [expected, .. confusion.Labels.Select(p => confusion.Count(expected, p) is var n and > 0 ? Count(n) : ".")]);
        }

        return table;
    }

    private static Table Mistakes(ConfusionTable confusion)
    {
        var table = Table("col-expected", "col-proposed", "col-count");
        var cells = confusion.Labels
            .Where(confusion.Counts.ContainsKey)
            .SelectMany(e => confusion.Labels.Select(p => (Expected: e, Proposed: p, Count: confusion.Count(e, p))))
            .Where(c => c.Count > 0)
            .OrderBy(c => c.Expected != c.Proposed)
            .ThenByDescending(c => c.Count);
        foreach (var (expected, proposed, count) in cells)
        {
            AddRow(table, expected, expected == proposed ? "=" : proposed, Count(count));
        }

        return table;
    }

    private static Table Table(params string[] headers)
    {
        var table = new Table();
        table.AddColumn(new TableColumn(Markup.Escape(CliText.Get(headers[0]))));
        foreach (var header in headers.Skip(1))
        {
            table.AddColumn(new TableColumn(Markup.Escape(CliText.Get(header))).RightAligned());
        }

        return table;
    }

    private static void AddRow(Table table, params string[] cells) => table.AddRow(cells.Select(c => new Text(c)).ToArray());

    private static void Notes(IAnsiConsole console, string key, IReadOnlyList<string> files)
    {
        if (files.Count > 0)
        {
            console.WriteLine(CliText.Get(key, string.Join(", ", files)));
        }
    }

    private static string Share(int count, int of) =>
        of == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * count / of:0.0} % ({count}/{of})");

    private static string Percent(double? share) => share is { } s ? string.Create(CultureInfo.InvariantCulture, $"{100 * s:0.0} %") : "-";

    private static string Seconds(double? seconds) => seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.00} s") : "-";

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
