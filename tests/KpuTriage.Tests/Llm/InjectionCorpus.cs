namespace KpuTriage.Tests.Llm;

/// <summary>Letters that try to steer the AI, kept as files in Llm/Injection: Indonesian and English, role-play, fake JSON, forged tags and delimiters.</summary>
internal static class InjectionCorpus
{
    public static IReadOnlyList<(string Name, string Text)> Letters { get; } =
    [
        .. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Llm", "Injection"), "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))),
    ];

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var (name, _) in Letters)
        {
            names.Add(name);
        }

        return names;
    }
}
