using System.Security.Cryptography;
using System.Text;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// The text of everything a prompt version is made of: the files of llm/ by their relative
/// path (system.md, user.md, examples/*) and taxonomy.yaml. Read from the prompts folder (with
/// the office's overrides applied) or held in the database as a prompt version; the same text
/// gives the same <see cref="Hash"/> wherever it comes from.
/// </summary>
public sealed class PromptFiles
{
    public const string SystemFile = "system.md";
    public const string UserFile = "user.md";
    public const string ExamplesFolder = "examples/";

    private const int HashLength = 12;

    public PromptFiles(IReadOnlyDictionary<string, string> llmFiles, string taxonomy)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in llmFiles)
        {
            if (!IsPromptFile(path))
            {
                throw new ArgumentException($"'{path}' is not a prompt file: only {SystemFile}, {UserFile} and {ExamplesFolder}* are.", nameof(llmFiles));
            }

            files[path] = text;
        }

        LlmFiles = files;
        Taxonomy = taxonomy;
    }

    /// <summary>Relative path under llm/ → text, in ordinal order of the path.</summary>
    public IReadOnlyDictionary<string, string> LlmFiles { get; }

    /// <summary>The text of taxonomy.yaml.</summary>
    public string Taxonomy { get; }

    /// <summary>
    /// First 12 hex of the SHA-256 over the taxonomy's version and every file (relative path and
    /// text, in ordinal order): the hash <see cref="PromptSet"/> has always named versions by,
    /// so proposals made before versions were stored keep their name.
    /// </summary>
    public string Hash
    {
        get
        {
            var material = new StringBuilder("taxonomy:").Append(Triage.Taxonomy.VersionOf(Encoding.UTF8.GetBytes(Taxonomy))).Append('\n');
            foreach (var (relative, text) in LlmFiles)
            {
                material.Append(relative).Append('\0').Append(text).Append('\0');
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString())))[..HashLength];
        }
    }

    /// <summary>Every file as a person edits it, taxonomy.yaml first: what a diff compares.</summary>
    public IEnumerable<KeyValuePair<string, string>> AllFiles() =>
        [new(Triage.Taxonomy.FileName, Taxonomy), .. LlmFiles.Select(f => new KeyValuePair<string, string>(PromptSet.Folder + "/" + f.Key, f.Value))];

    public static bool IsPromptFile(string relative) =>
        relative is SystemFile or UserFile || (relative.StartsWith(ExamplesFolder, StringComparison.Ordinal) && relative.Length > ExamplesFolder.Length);

    /// <summary>Whether the folder has prompt files at all (a folder with only the taxonomy serves the local engine).</summary>
    public static bool ExistIn(string promptsDirectory) => Directory.Exists(Path.Combine(promptsDirectory, PromptSet.Folder));

    /// <summary>Reads llm/ with prompts/office/llm/ overriding it file by file, and taxonomy.yaml, as they are on disk.</summary>
    public static PromptFiles Read(string promptsDirectory)
    {
        var shipped = Path.Combine(promptsDirectory, PromptSet.Folder);
        var office = Path.Combine(promptsDirectory, PromptSet.OfficeFolder, PromptSet.Folder);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in new[] { shipped, office }.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (IsPromptFile(relative))
                {
                    files[relative] = File.ReadAllText(path);
                }
            }
        }

        var taxonomy = Path.GetFullPath(Path.Combine(promptsDirectory, Triage.Taxonomy.FileName));
        // Decoded without dropping a byte-order mark, so the text hashes to the file's own version.
        return new PromptFiles(files, File.Exists(taxonomy) ? new UTF8Encoding(false).GetString(File.ReadAllBytes(taxonomy)) : "");
    }
}
