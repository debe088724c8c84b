using System.Security.Cryptography;
using System.Text;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Triage;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Prompts;

public sealed class PromptFilesSpecs
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "prompts");

    [Fact]
    public void Should_hash_the_files_as_proposals_have_always_named_them_when_read_from_the_folder()
    {
        // The name proposals recorded before versions were stored: taxonomy version, then every llm/ file by path.
        var material = new StringBuilder("taxonomy:")
            .Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Shipped, Taxonomy.FileName))))[..12]).Append('\n');
        var llm = Path.Combine(Shipped, "llm");
        foreach (var path in Directory.EnumerateFiles(llm, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(llm, p).Replace('\\', '/'))
            .Where(p => p is "system.md" or "user.md" || p.StartsWith("examples/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            material.Append(path).Append('\0').Append(File.ReadAllText(Path.Combine(llm, path))).Append('\0');
        }

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString())))[..12];

        Assert.Equal(expected, PromptFiles.Read(Shipped).Hash);
        Assert.Equal($"triage@{expected}", PromptSet.Load(Shipped, Taxonomy.Load(Shipped)).Version);
    }

    [Fact]
    public void Should_keep_the_hash_when_the_files_travel_through_a_stored_version()
    {
        var files = PromptFiles.Read(Shipped);

        var stored = PromptVersion.Create(1, null, PromptVersion.FilesAuthor, DateTimeOffset.UnixEpoch, files, PromptVersionState.Active);

        Assert.Equal(files.Hash, stored.Hash);
        Assert.Equal(files.Hash, stored.Files().Hash);
        Assert.Equal(files.LlmFiles, stored.Files().LlmFiles);
    }

    [Fact]
    public void Should_apply_the_offices_override_when_reading_the_folder()
    {
        using var folder = new TempDirectory();
        File.Copy(Path.Combine(Shipped, Taxonomy.FileName), Path.Combine(folder.Path, Taxonomy.FileName));
        Directory.CreateDirectory(Path.Combine(folder.Path, "llm"));
        File.WriteAllText(Path.Combine(folder.Path, "llm", "system.md"), "shipped {{taxonomy}}");
        File.WriteAllText(Path.Combine(folder.Path, "llm", "user.md"), "{{letter}}");
        Directory.CreateDirectory(Path.Combine(folder.Path, "office", "llm"));
        File.WriteAllText(Path.Combine(folder.Path, "office", "llm", "system.md"), "office {{taxonomy}}");

        var files = PromptFiles.Read(folder.Path);

        Assert.Equal("office {{taxonomy}}", files.LlmFiles["system.md"]);
        Assert.Equal(["system.md", "user.md"], files.LlmFiles.Keys);
    }
}
