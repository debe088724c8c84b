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
    public static PromptSet Load(string promptsDirectory, Taxonomy taxonomy) =>
        From(PromptFiles.Read(promptsDirectory), taxonomy, Path.Combine(promptsDirectory, Folder));

    /// <summary>The prompt set of files held as text (a stored prompt version), with <paramref name="taxonomy"/> read from the same files.</summary>
    /// <param name="source">Where the files came from, for the error naming a missing one.</param>
    /// <exception cref="FileNotFoundException">system.md or user.md is missing, or an example lacks its answer.</exception>
    public static PromptSet From(PromptFiles files, Taxonomy taxonomy, string source)
    {
        var system = Read(files, PromptFiles.SystemFile, source);
        var user = Read(files, PromptFiles.UserFile, source);
        var examples = new List<FewShotExample>();
        foreach (var (letter, text) in files.LlmFiles.Where(f => f.Key.StartsWith(PromptFiles.ExamplesFolder, StringComparison.Ordinal) && f.Key.EndsWith(".md", StringComparison.Ordinal)))
        {
            var answer = letter[..^3] + ".json";
            if (!files.LlmFiles.TryGetValue(answer, out var answerText))
            {
                throw new FileNotFoundException($"The example '{source}/{letter}' has no answer file '{answer}' beside it.", answer);
            }

            examples.Add(new FewShotExample(text, answerText));
        }

        return new PromptSet(system.Replace("{{taxonomy}}", TaxonomyText.Render(taxonomy), StringComparison.Ordinal), user, examples, files.Hash);
    }

    private static string Read(PromptFiles files, string name, string source) =>
        files.LlmFiles.TryGetValue(name, out var text)
            ? text
            : throw new FileNotFoundException(
                $"The prompt file '{Path.Combine(source, name)}' does not exist: set Prompts:Directory to the folder that holds {Folder}/{name}.",
                name);
}
