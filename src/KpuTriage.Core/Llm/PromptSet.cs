using System.Security.Cryptography;
using System.Text;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// The prompt files of prompts/llm/ (system prompt, user template, few-shot pairs), with the
/// office's overrides from prompts/office/llm/ applied: a file there replaces the shipped
/// file of the same relative path, and a new example is added. The version names them all.
/// </summary>
public sealed class PromptSet
{
    public const string Name = "triage";
    public const string Folder = "llm";
    public const string OfficeFolder = "office";

    private const int HashLength = 12;

    private PromptSet(string system, string user, IReadOnlyList<FewShotExample> examples, string hash)
    {
        System = system;
        User = user;
        Examples = examples;
        Hash = hash;
    }

    /// <summary>system.md with the taxonomy rendered into it.</summary>
    public string System { get; }

    /// <summary>user.md, still with its placeholders.</summary>
    public string User { get; }

    public IReadOnlyList<FewShotExample> Examples { get; }

    /// <summary>SHA-256 (first 12 hex) over every file used and the taxonomy version.</summary>
    public string Hash { get; }

    /// <summary>What proposals record: "triage@&lt;hash&gt;".</summary>
    public string Version => $"{Name}@{Hash}";

    /// <exception cref="FileNotFoundException">system.md or user.md is missing, or an example lacks its answer.</exception>
    public static PromptSet Load(string promptsDirectory, Taxonomy taxonomy)
    {
        var shipped = Path.Combine(promptsDirectory, Folder);
        var office = Path.Combine(promptsDirectory, OfficeFolder, Folder);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in new[] { shipped, office }.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (relative is "system.md" or "user.md" || relative.StartsWith("examples/", StringComparison.Ordinal))
                {
                    files[relative] = path;
                }
            }
        }

        var system = Read(files, "system.md", shipped);
        var user = Read(files, "user.md", shipped);
        var examples = new List<FewShotExample>();
        foreach (var letter in files.Keys.Where(k => k.StartsWith("examples/", StringComparison.Ordinal) && k.EndsWith(".md", StringComparison.Ordinal)))
        {
            var answer = letter[..^3] + ".json";
            if (!files.TryGetValue(answer, out var answerPath))
            {
                throw new FileNotFoundException($"The example '{files[letter]}' has no answer file '{answer}' beside it.", answer);
            }

            examples.Add(new FewShotExample(File.ReadAllText(files[letter]), File.ReadAllText(answerPath)));
        }

        var hash = new StringBuilder("taxonomy:").Append(taxonomy.Version).Append('\n');
        foreach (var (relative, path) in files)
        {
            hash.Append(relative).Append('\0').Append(File.ReadAllText(path)).Append('\0');
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())))[..HashLength];
        return new PromptSet(system.Replace("{{taxonomy}}", TaxonomyText.Render(taxonomy), StringComparison.Ordinal), user, examples, digest);
    }

    private static string Read(SortedDictionary<string, string> files, string name, string shipped) =>
        files.TryGetValue(name, out var path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException(
                $"The prompt file '{Path.Combine(shipped, name)}' does not exist: set Prompts:Directory to the folder that holds {Folder}/{name}.",
                name);
}
