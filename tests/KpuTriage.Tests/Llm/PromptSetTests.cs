using KpuTriage.Core.Llm;
using KpuTriage.Core.Triage;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Llm;

public sealed class PromptSetTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "prompts");

    [Fact]
    public void Should_render_the_taxonomy_into_the_system_prompt_when_loading_the_shipped_prompts()
    {
        var prompts = PromptSet.Load(Shipped, Taxonomy.Load(Shipped));

        Assert.Contains("- amat_segera: Amat Segera (hari itu juga)", prompts.System, StringComparison.Ordinal);
        Assert.DoesNotContain("{{taxonomy}}", prompts.System, StringComparison.Ordinal);
        Assert.NotEmpty(prompts.Examples);
        Assert.Matches("^triage@[0-9a-f]{12}$", prompts.Version);
    }

    [Fact]
    public void Should_take_the_office_file_and_change_the_version_when_the_office_overrides_the_system_prompt()
    {
        using var office = new TempDirectory();
        CopyDirectory(Shipped, office.Path);
        var taxonomy = Taxonomy.Load(office.Path);
        var before = PromptSet.Load(office.Path, taxonomy);
        Directory.CreateDirectory(Path.Combine(office.Path, "office", "llm"));
        File.WriteAllText(Path.Combine(office.Path, "office", "llm", "system.md"), "Anda membantu meja surat KPU Purwakarta.\n{{taxonomy}}");

        var after = PromptSet.Load(office.Path, taxonomy);

        Assert.StartsWith("Anda membantu meja surat KPU Purwakarta.", after.System, StringComparison.Ordinal);
        Assert.Equal(before.User, after.User);
        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public void Should_build_a_schema_whose_answers_the_reader_accepts_when_given_the_shipped_example()
    {
        var taxonomy = Taxonomy.Load(Shipped);
        var prompts = PromptSet.Load(Shipped, taxonomy);

        var reading = new AnswerReader(taxonomy).Read(prompts.Examples[0].Answer, "stop");

        Assert.Null(reading.Unfit);
        Assert.Equal("segera", reading.Answer!.Fields["urgency"].Value);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
