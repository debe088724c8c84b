using System.Globalization;
using System.Text.RegularExpressions;

namespace KpuTriage.DevSet;

/// <summary>
/// Keeps <c>labels.tsv</c> in step with the sources: the exact header, one row per letter,
/// a real ISO date, and the number, sender and perihal found word for word in the letter
/// (whitespace and line breaks aside), so an edited letter cannot silently leave a stale label.
/// A sender named from a kop hierarchy, most specific body first ("DINAS SOSIAL, PEMERINTAH
/// KABUPATEN PURWAKARTA"), is found when each of its comma-separated bodies is.
/// </summary>
internal static partial class LabelCheck
{
    public const string Header = "file\tletterNumber\tletterDate\tsender\tperihal\tletterType\turgency\tsecurity\tregister\tunit\tarchiveCode";

    public static List<string> Problems(string labelsPath, IReadOnlyList<LetterSource> letters)
    {
        var problems = new List<string>();
        var lines = File.ReadAllLines(labelsPath);
        if (lines.Length == 0 || lines[0] != Header)
        {
            return [$"{labelsPath}: the first line must be the header: {Header}"];
        }

        var texts = letters.ToDictionary(l => l.Id, l => Space().Replace(string.Join(' ', l.Pages.SelectMany(p => p)), " "));
        var seen = new HashSet<string>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            if (cells.Length != 11)
            {
                problems.Add($"{cells[0]}: {cells.Length} columns, expected 11");
                continue;
            }

            var (id, number, date, sender, perihal) = (cells[0], cells[1], cells[2], cells[3], cells[4]);
            if (!seen.Add(id) || !texts.TryGetValue(id, out var text))
            {
                problems.Add($"{id}: duplicate row or no source letter");
                continue;
            }

            if (date.Length > 0 && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add($"{id}: letterDate {date} is not yyyy-MM-dd");
            }

            foreach (var (name, value) in new[] { ("letterNumber", number), ("sender", sender), ("perihal", perihal) })
            {
                var parts = name == "sender" ? value.Split(", ") : [value];
                if (value.Length > 0 && !parts.All(part => text.Contains(part, StringComparison.Ordinal)))
                {
                    problems.Add($"{id}: {name} \"{value}\" is not in the letter");
                }
            }

            if (cells.Skip(5).Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{id}: a taxonomy code is missing");
            }
        }

        problems.AddRange(texts.Keys.Where(id => !seen.Contains(id)).Select(id => $"{id}: no row in labels.tsv"));
        return problems;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
