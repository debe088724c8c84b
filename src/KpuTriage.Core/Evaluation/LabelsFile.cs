namespace KpuTriage.Core.Evaluation;

/// <summary>
/// The expected fields of a labelled set: a UTF-8, tab-separated file whose header names the
/// columns, <c>file</c> first and then field API names. Strict about rows (a row with a missing
/// tab would otherwise score silently against the wrong values); lenient about columns: one that
/// names no field (notes, a typo) is kept out of the scores and listed in <see cref="IgnoredColumns"/>,
/// so a set labelled by others runs as it is and a typo still shows.
/// </summary>
public sealed class LabelsFile
{
    private readonly Dictionary<string, LabelRow> byFile;

    private LabelsFile(IReadOnlyList<string> fields, IReadOnlyList<string> ignored, IReadOnlyList<LabelRow> rows)
    {
        Fields = fields;
        IgnoredColumns = ignored;
        Rows = rows;
        byFile = rows.ToDictionary(r => r.File, StringComparer.Ordinal);
    }

    /// <summary>The labelled fields, in column order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Columns that are not scored: annotations such as <c>notes</c> and names of no field, in column order.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    public IReadOnlyList<LabelRow> Rows { get; }

    public static LabelsFile Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <exception cref="LabelsFileException">The header or a row breaks the contract.</exception>
    public static LabelsFile Parse(string text, string name = "labels.tsv")
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            throw new LabelsFileException($"{name}: the first line must be the header, starting with the column '{LabelColumns.File}'.");
        }

        var header = lines[0].TrimStart('\uFEFF').Split('\t').Select(c => c.Trim()).ToList();
        var (fields, ignored) = ReadHeader(header, name);
        var rows = new List<LabelRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var lineNumber = i + 1;
            var cells = lines[i].Split('\t');
            if (cells.Length != header.Count)
            {
                throw new LabelsFileException(
                    $"{name} line {lineNumber}: {cells.Length} cells but the header has {header.Count} columns; write an empty cell (two tabs) for a field the letter lacks.");
            }

            var file = cells[0].Trim();
            if (file.Length == 0)
            {
                throw new LabelsFileException($"{name} line {lineNumber}: the '{LabelColumns.File}' cell is empty.");
            }

            if (!seen.TryAdd(file, lineNumber))
            {
                throw new LabelsFileException($"{name} line {lineNumber}: '{file}' is already labelled on line {seen[file]}.");
            }

            var expected = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 1; c < cells.Length; c++)
            {
                expected[header[c]] = cells[c].Trim();
            }

            rows.Add(new LabelRow(file, lineNumber, expected));
        }

        return new LabelsFile(fields, ignored, rows);
    }

    /// <summary>
    /// The same labels with one field's values put through <paramref name="map"/>: a set labelled
    /// elsewhere may name a category by another code ("surat_undangan" for the taxonomy's "undangan").
    /// </summary>
    public LabelsFile WithValues(string field, Func<string, string> map) => new(
        Fields,
        IgnoredColumns,
        [.. Rows.Select(r => r.Expected.TryGetValue(field, out var value) && value.Length > 0
            ? r with { Expected = new Dictionary<string, string>(r.Expected, StringComparer.Ordinal) { [field] = map(value) } }
            : r)]);

    /// <summary>
    /// The row for a document: the one naming its full file name, else the one naming its stem
    /// (the name before the first dot), so "07-bawaslu" labels 07-bawaslu.pdf and 07-bawaslu.scan.jpg alike.
    /// </summary>
    public LabelRow? RowFor(string fileName)
    {
        if (byFile.TryGetValue(fileName, out var exact))
        {
            return exact;
        }

        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && byFile.TryGetValue(fileName[..dot], out var byStem) ? byStem : null;
    }

    private static (List<string> Fields, List<string> Ignored) ReadHeader(List<string> header, string name)
    {
        if (header[0] != LabelColumns.File)
        {
            throw new LabelsFileException($"{name}: the first column must be '{LabelColumns.File}', not '{header[0]}'.");
        }

        var columns = header.Skip(1).ToList();
        if (columns.Contains(LabelColumns.File, StringComparer.Ordinal))
        {
            throw new LabelsFileException($"{name}: the column '{LabelColumns.File}' appears twice.");
        }

        if (columns.Any(c => c.Length == 0))
        {
            throw new LabelsFileException($"{name}: an empty column name; name every column after '{LabelColumns.File}'.");
        }

        if (columns.GroupBy(f => f, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new LabelsFileException($"{name}: the column '{twice.Key}' appears twice.");
        }

        return ([.. columns.Where(LabelColumns.Known.Contains)], [.. columns.Where(c => !LabelColumns.Known.Contains(c))]);
    }
}
