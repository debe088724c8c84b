using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Classification;

/// <summary>
/// The labelled examples shipped in prompts/classifier/seed.tsv, which the classifier learns
/// from before the office has approved any letter. Tab-separated, with a header naming the
/// columns: the targets (<see cref="ClassifierTargets"/>) and sender, perihal, excerpt.
/// </summary>
public sealed class SeedSet
{
    public const string RelativePath = "classifier/seed.tsv";

    private SeedSet(IReadOnlyList<TrainingExample> examples, string sha256)
    {
        Examples = examples;
        Sha256 = sha256;
    }

    public IReadOnlyList<TrainingExample> Examples { get; }

    /// <summary>The file's SHA-256 (empty when there is no file): a model records which seed set it learned.</summary>
    public string Sha256 { get; }

    private static readonly string[] TextColumns = ["sender", "perihal", "excerpt"];

    /// <summary>Reads the seed set; an office without one starts with an empty set and learns from its decisions alone.</summary>
    /// <exception cref="InvalidDataException">A row breaks the format or names a code the taxonomy lacks; the message says which line.</exception>
    public static SeedSet Load(string promptsDirectory, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var path = Path.GetFullPath(Path.Combine(promptsDirectory, RelativePath));
        if (!File.Exists(path))
        {
            return new SeedSet([], string.Empty);
        }

        var bytes = File.ReadAllBytes(path);
        var lines = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split('\n');
        var header = lines[0].TrimEnd('\r').Split('\t');
        var missing = ClassifierTargets.All.Concat(TextColumns).Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path}: the header lacks the column(s) {string.Join(", ", missing)}.");
        }

        var column = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        var examples = new List<TrainingExample>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != header.Length)
            {
                throw new InvalidDataException($"{path} line {i + 1}: {cells.Length} columns where the header has {header.Length}.");
            }

            var labels = ClassifierTargets.All.ToDictionary(t => t, t => Blank(cells[column[t]]));
            foreach (var (target, code) in labels)
            {
                if (code is not null && !taxonomy.Allows(target, code))
                {
                    throw new InvalidDataException($"{path} line {i + 1}: '{code}' is not a {target} code of the taxonomy.");
                }
            }

            examples.Add(new TrainingExample(cells[column["sender"]].Trim(), cells[column["perihal"]].Trim(), cells[column["excerpt"]].Trim(), labels));
        }

        return new SeedSet(examples, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    private static string? Blank(string cell) => string.IsNullOrWhiteSpace(cell) ? null : cell.Trim();
}
