using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Model;
using KpuTriage.Core.Llm;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// A unified diff (as <c>diff -u</c> writes it, three lines of context) of every file that
/// differs between two prompt versions, taxonomy.yaml first, so an admin reviewing a draft
/// sees exactly what its author changed.
/// </summary>
public static class PromptDiff
{
    private const int Context = 3;

    public static string Between(PromptFiles before, PromptFiles after)
    {
        var old = before.AllFiles().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var @new = after.AllFiles().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var names = old.Keys.Union(@new.Keys).OrderBy(n => n == Triage.Taxonomy.FileName ? "" : n, StringComparer.Ordinal);
        var diff = new StringBuilder();
        foreach (var name in names)
        {
            var a = old.GetValueOrDefault(name);
            var b = @new.GetValueOrDefault(name);
            if (a != b)
            {
                File(diff, name, a, b);
            }
        }

        return diff.ToString();
    }

    private static void File(StringBuilder diff, string name, string? before, string? after)
    {
        diff.Append("--- ").Append(before is null ? "/dev/null" : "a/" + name).Append('\n');
        diff.Append("+++ ").Append(after is null ? "/dev/null" : "b/" + name).Append('\n');
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, Lines.Instance);
        foreach (var hunk in Hunks(result.DiffBlocks))
        {
            Hunk(diff, hunk, result.PiecesOld, result.PiecesNew);
        }
    }

    /// <summary>Blocks whose context would touch or overlap are shown as one hunk.</summary>
    private static IEnumerable<List<DiffBlock>> Hunks(IList<DiffBlock> blocks)
    {
        var hunk = new List<DiffBlock>();
        foreach (var block in blocks)
        {
            if (hunk.Count > 0 && block.DeleteStartA - (hunk[^1].DeleteStartA + hunk[^1].DeleteCountA) > 2 * Context)
            {
                yield return hunk;
                hunk = [];
            }

            hunk.Add(block);
        }

        if (hunk.Count > 0)
        {
            yield return hunk;
        }
    }

    private static void Hunk(StringBuilder diff, List<DiffBlock> blocks, IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var first = blocks[0];
        var last = blocks[^1];
        var startA = Math.Max(0, first.DeleteStartA - Context);
        var endA = Math.Min(a.Count, last.DeleteStartA + last.DeleteCountA + Context);
        // B runs beside A outside the blocks: the offset between them is fixed before the first block.
        var startB = startA + (first.InsertStartB - first.DeleteStartA);
        var endB = Math.Min(b.Count, last.InsertStartB + last.InsertCountB + (endA - (last.DeleteStartA + last.DeleteCountA)));
        diff.Append(CultureInfo.InvariantCulture, $"@@ -{Range(startA, endA - startA)} +{Range(startB, endB - startB)} @@\n");
        var lineA = startA;
        foreach (var block in blocks)
        {
            for (; lineA < block.DeleteStartA; lineA++)
            {
                diff.Append(' ').Append(a[lineA]).Append('\n');
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                diff.Append('-').Append(a[block.DeleteStartA + i]).Append('\n');
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                diff.Append('+').Append(b[block.InsertStartB + i]).Append('\n');
            }

            lineA = block.DeleteStartA + block.DeleteCountA;
        }

        for (; lineA < endA; lineA++)
        {
            diff.Append(' ').Append(a[lineA]).Append('\n');
        }
    }

    /// <summary>
    /// Lines as diff sees them: the newline ends a line rather than starting an empty one, so
    /// "a\n" is one line and "" none. (Two texts that differ only in their last newline thus
    /// show the file's header with no hunk.)
    /// </summary>
    private sealed class Lines : IChunker
    {
        public static readonly Lines Instance = new();

        public IReadOnlyList<string> Chunk(string text) =>
            text.Length == 0 ? [] : (text.EndsWith('\n') ? text[..^1] : text).Split('\n');
    }

    // diff -u numbers lines from 1 and names an empty range by the line before it.
    private static string Range(int start, int count) =>
        count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";
}
