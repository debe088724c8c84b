using KpuTriage.Core.Evaluation;
using KpuTriage.Core.Triage;

namespace KpuTriage.Cli.Eval;

/// <summary>
/// What an evaluation runs on, checked before anything starts: the documents of the folder
/// (top level; everything but the labels file, other .tsv tables, README.md, the JSON output and hidden files), the parsed labels,
/// and where the throw-away desk keeps its data and reads its prompts.
/// </summary>
public sealed record EvalInput(string Folder, string LabelsPath, LabelsFile Labels, IReadOnlyList<string> Files, string? DataDirectory, string PromptsDirectory)
{
    public const string DefaultLabelsName = "labels.tsv";

    /// <summary>The prompts the product's own output carries, beside the binaries.</summary>
    public static string DefaultPromptsDirectory => Path.Combine(AppContext.BaseDirectory, "prompts");

    /// <summary>The input, or null and a message for the user saying what is wrong.</summary>
    public static EvalInput? Read(string folder, string? labels, string? dataDirectory, string? prompts, string? json, out string error)
    {
        error = string.Empty;
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            error = CliText.Get("folder-missing", folder);
            return null;
        }

        var labelsPath = Path.GetFullPath(labels ?? Path.Combine(folder, DefaultLabelsName));
        if (!File.Exists(labelsPath))
        {
            error = CliText.Get("labels-missing", labelsPath);
            return null;
        }

        LabelsFile parsed;
        try
        {
            parsed = LabelsFile.Load(labelsPath);
        }
        catch (LabelsFileException e)
        {
            error = CliText.Get("labels-invalid", e.Message);
            return null;
        }

        if (dataDirectory is not null && Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            error = CliText.Get("data-dir-not-empty", Path.GetFullPath(dataDirectory));
            return null;
        }

        var jsonPath = json is null ? null : Path.GetFullPath(json);
        if (jsonPath is not null && Path.GetDirectoryName(jsonPath) is { } jsonFolder && !Directory.Exists(jsonFolder))
        {
            error = CliText.Get("folder-missing", jsonFolder);
            return null;
        }

        var promptsDirectory = Path.GetFullPath(prompts ?? DefaultPromptsDirectory);
        try
        {
            // The desk would refuse a broken taxonomy only once started; say so before.
            parsed = parsed.WithValues("letterType", CategoryCodes.LetterTypes(Taxonomy.Load(promptsDirectory)));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error = CliText.Get("prompts-invalid", e.Message);
            return null;
        }

        var files = Documents(folder, [labelsPath, jsonPath]);
        if (files.Count == 0)
        {
            error = CliText.Get("no-documents", folder);
            return null;
        }

        return new EvalInput(folder, labelsPath, parsed, files, dataDirectory is null ? null : Path.GetFullPath(dataDirectory), promptsDirectory);
    }

    // The JSON output of an earlier run written into the folder is no document either.
    private static List<string> Documents(string folder, string?[] ours) =>
        [.. Directory.EnumerateFiles(folder)
            .Select(Path.GetFullPath)
            .Where(f => !ours.Contains(f))
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            // Other tables beside the labels (a SOURCES.tsv saying where each letter came from) are no letters.
            .Where(f => !string.Equals(Path.GetExtension(f), ".tsv", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
}
