namespace KpuTriage.DevSet;

/// <summary>
/// One letter's text as it is laid out on paper: columns count (runs of two or more spaces
/// are tab gaps), a line holding only a form feed (or the two characters <c>\f</c>) starts
/// a new page, and a line of <c>=</c> or <c>_</c> is the rule under a letterhead.
/// </summary>
internal sealed record LetterSource(string Id, IReadOnlyList<IReadOnlyList<string>> Pages)
{
    public static LetterSource Read(string path)
    {
        var pages = new List<IReadOnlyList<string>>();
        var page = new List<string>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.TrimEnd();
            if (line is "\f" or "\\f")
            {
                pages.Add(page);
                page = [];
                continue;
            }

            page.Add(line);
        }

        while (page.Count > 0 && page[^1].Length == 0)
        {
            page.RemoveAt(page.Count - 1);
        }

        pages.Add(page);
        return new LetterSource(Path.GetFileNameWithoutExtension(path), pages);
    }
}
