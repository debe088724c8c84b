using System.Text;

namespace KpuTriage.Benchmarks.Extraction;

/// <summary>
/// Collects results while the suite runs and prints them as one table at the end, so the
/// numbers are not scattered between progress lines.
/// </summary>
internal sealed class ResultTable
{
    private readonly List<(string What, string Result, string Note, bool IsSection)> _rows = [];

    public void Section(string title) => _rows.Add((title, string.Empty, string.Empty, true));

    public void Row(string what, string result, string note = "") => _rows.Add(("  " + what, result, note, false));

    public string Render()
    {
        var whatWidth = _rows.Where(r => !r.IsSection).Max(r => r.What.Length);
        var resultWidth = _rows.Max(r => r.Result.Length);
        var text = new StringBuilder();
        var rule = new string('-', whatWidth + resultWidth + 40);
        text.AppendLine(rule);
        foreach (var (what, result, note, isSection) in _rows)
        {
            if (isSection)
            {
                text.AppendLine(what);
                continue;
            }

            text.AppendLine($"{what.PadRight(whatWidth)}  {result.PadLeft(resultWidth)}  {note}".TrimEnd());
        }

        text.Append(rule);
        return text.ToString();
    }
}
