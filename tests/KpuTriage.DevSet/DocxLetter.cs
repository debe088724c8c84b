using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using KpuTriage.Tests.Extraction;

namespace KpuTriage.DevSet;

/// <summary>
/// A letter as a Word user types it: one paragraph per paragraph (wrapped lines joined),
/// tabs where the paper shows a gap, centred and bold letterhead and titles, and for some
/// letters the Nomor/Sifat/Lampiran/Hal block in a borderless table or the letterhead in
/// the page header.
/// </summary>
internal static partial class DocxLetter
{
    private static readonly DateTime FixedStamp = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static byte[] Build(LetterSource letter, Renditions renditions)
    {
        var blocks = new List<OpenXmlElement>();
        string[] headerLines = [];
        for (var p = 0; p < letter.Pages.Count; p++)
        {
            var lines = SourceLine.ParsePage(letter.Pages[p]);
            if (p > 0)
            {
                blocks.Add(TestDocx.PageBreak());
            }

            var kopEnd = lines.FindIndex(l => l.IsRule);
            if (p == 0 && renditions.KopInPageHeader && kopEnd is > 0 and < 9)
            {
                headerLines = [.. lines.Take(kopEnd).Where(l => !l.IsBlank).Select(l => l.Text)];
                lines = lines.Skip(kopEnd + 1).SkipWhile(l => l.IsBlank).ToList();
            }

            blocks.AddRange(Body(lines, renditions.HeaderTable));
        }

        return MakeDeterministic(TestDocx.Build(blocks, headerLines));
    }

    private static IEnumerable<OpenXmlElement> Body(List<SourceLine> lines, bool headerTable)
    {
        Paragraph? open = null;
        SourceLine? previous = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (headerTable && HeaderLabel(line) is not null)
            {
                var end = i + 1;
                while (end < lines.Count && (HeaderLabel(lines[end]) is not null || IsContinuation(lines[end])))
                {
                    end++;
                }

                yield return HeaderTable(lines.GetRange(i, end - i));
                i = end - 1;
                open = null;
                previous = null;
                continue;
            }

            if (open is not null && previous is not null && Continues(previous, line))
            {
                open.Append(new Run(new Text(" " + line.Text) { Space = SpaceProcessingModeValues.Preserve }));
                previous = line;
                continue;
            }

            open = LineParagraph(line);
            previous = line;
            yield return open;
        }
    }

    /// <summary>A wrapped line of prose: the line before ran long and this one starts no item or label of its own.</summary>
    private static bool Continues(SourceLine previous, SourceLine line) =>
        !previous.IsBlank && !line.IsBlank && !previous.IsCentered && !line.IsCentered
        && previous.Segments.Count == 1 && line.Segments.Count == 1
        && previous.Segments[0].Column + previous.Segments[0].Text.Length >= 62
        && !previous.Text.EndsWith(':')
        && !ItemStart().IsMatch(line.Text);

    private static bool IsContinuation(SourceLine line) =>
        line.Segments.Count == 1 && line.Segments[0].Column >= 8 && !line.IsCentered;

    private static string? HeaderLabel(SourceLine line) =>
        line.Segments.Count > 0 && line.Segments[0].Column < 4 && Label().Match(line.Segments[0].Text) is { Success: true } m ? m.Groups[1].Value : null;

    private static Table HeaderTable(List<SourceLine> block)
    {
        var rows = new List<string[][]>();
        foreach (var line in block)
        {
            if (HeaderLabel(line) is { } label)
            {
                var segments = line.Segments.Select(s => s.Text).ToList();
                var first = Label().Match(segments[0]);
                string value;
                int rest;
                if (first.Groups[2].Value.Length > 0)
                {
                    value = first.Groups[2].Value;
                    rest = 1;
                }
                else if (segments.Count > 2 && segments[1] == ":")
                {
                    // A colon set apart from its value, as before a blank sequence ("Nomor :    /PL...").
                    value = segments[2];
                    rest = 3;
                }
                else
                {
                    value = segments.Count > 1 ? segments[1].TrimStart(':', ' ') : "";
                    rest = segments.Count > 1 && segments[1].StartsWith(':') ? 2 : 1;
                }

                rows.Add([[label], [":"], [value], [string.Join(" ", segments.Skip(rest))]]);
            }
            else
            {
                var last = rows[^1];
                last[2] = [.. last[2], line.Text];
            }
        }

        return TestDocx.Table([.. rows.Select(r => TestDocx.Row(r))]);
    }

    private static Paragraph LineParagraph(SourceLine line)
    {
        var paragraph = new Paragraph();
        if (line.IsRule)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.ThickThinSmallGap, Size = 18, Space = 1 })));
            return paragraph;
        }

        if (line.IsCentered)
        {
            paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        for (var s = 0; s < line.Segments.Count; s++)
        {
            if (s > 0 || line.Segments[s].Column >= 8 && !line.IsCentered)
            {
                paragraph.Append(new Run(new TabChar()));
            }

            var run = new Run();
            if (line.IsBold)
            {
                run.Append(new RunProperties(new Bold()));
            }

            run.Append(new Text(line.Segments[s].Text) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }

        return paragraph;
    }

    /// <summary>
    /// The SDK stamps zip entries with the time they were written and names relationships
    /// with random ids ("R5e30c582f2e94361"); fixed times and ids numbered in order of first
    /// use keep the file the same from run to run.
    /// </summary>
    private static byte[] MakeDeterministic(byte[] docx)
    {
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var output = new MemoryStream();
        using (var rewritten = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                string xml;
                using (var reader = new StreamReader(entry.Open()))
                {
                    xml = reader.ReadToEnd();
                }

                xml = RandomRelationshipId().Replace(xml, m => ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = $"rId{ids.Count + 1}");
                var copy = rewritten.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedStamp;
                using var writer = new StreamWriter(copy.Open(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(xml);
            }
        }

        return output.ToArray();
    }

    [GeneratedRegex(@"\bR[0-9a-f]{16}\b")]
    private static partial Regex RandomRelationshipId();

    [GeneratedRegex(@"^(Nomor|No\.|Sifat|Lampiran|Lamp\.|Hal|Perihal)\s*(?::\s*(.*))?$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(\d+[.)]|[a-z][.)]|-|\u2022|[A-Z][A-Za-z/ ]{0,20}\s:)")]
    private static partial Regex ItemStart();
}
