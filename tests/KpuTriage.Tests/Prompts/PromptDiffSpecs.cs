using KpuTriage.Core.Llm;
using KpuTriage.Core.Prompts;

namespace KpuTriage.Tests.Prompts;

public sealed class PromptDiffSpecs
{
    private static PromptFiles Files(string system, string taxonomy = "letter_types: []\n", params (string Path, string Text)[] more) =>
        new(new Dictionary<string, string> { ["system.md"] = system, ["user.md"] = "{{letter}}\n" }
            .Concat(more.Select(m => new KeyValuePair<string, string>(m.Path, m.Text))).ToDictionary(), taxonomy);

    [Fact]
    public void Should_show_a_changed_line_with_three_lines_of_context_when_one_line_of_a_file_changes()
    {
        var before = Files("1\n2\n3\n4\n5\n6\n7\n8\n9\n");
        var after = Files("1\n2\n3\n4\nlima\n6\n7\n8\n9\n");

        var diff = PromptDiff.Between(before, after);

        Assert.Equal("--- a/llm/system.md\n+++ b/llm/system.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+lima\n 6\n 7\n 8\n", diff);
    }

    [Fact]
    public void Should_list_the_taxonomy_first_and_leave_unchanged_files_out_when_several_files_change()
    {
        var before = Files("a\n", "units: []\n");
        var after = Files("b\n", "units: [x]\n");

        var diff = PromptDiff.Between(before, after);

        Assert.StartsWith("--- a/taxonomy.yaml\n+++ b/taxonomy.yaml\n@@ -1 +1 @@\n-units: []\n+units: [x]\n", diff, StringComparison.Ordinal);
        Assert.Contains("--- a/llm/system.md\n+++ b/llm/system.md\n@@ -1 +1 @@\n-a\n+b\n", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("user.md", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_show_a_new_example_as_added_from_nothing_when_an_example_is_added()
    {
        var before = Files("a\n");
        var after = Files("a\n", more: ("examples/02-laporan.md", "Laporan\nisi\n"));

        var diff = PromptDiff.Between(before, after);

        Assert.Equal("--- /dev/null\n+++ b/llm/examples/02-laporan.md\n@@ -0,0 +1,2 @@\n+Laporan\n+isi\n", diff);
    }

    [Fact]
    public void Should_split_changes_far_apart_into_two_hunks()
    {
        var lines = Enumerable.Range(1, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var before = Files(string.Join('\n', lines) + "\n");
        lines[1] = "dua";
        lines[17] = "delapan belas";
        var after = Files(string.Join('\n', lines) + "\n");

        var diff = PromptDiff.Between(before, after);

        Assert.Contains("@@ -1,5 +1,5 @@\n 1\n-2\n+dua\n 3\n 4\n 5\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+delapan belas\n 19\n 20\n", diff, StringComparison.Ordinal);
    }
}
