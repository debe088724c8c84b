using KpuTriage.DevSet;

// Renders every letter in the sources folder three ways (DOCX, text PDF, scan-like image or
// scanned PDF) into the output folder. Same sources in, same bytes out: every random choice
// is seeded from the letter's place in the sorted list.
if (args.Length != 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: KpuTriage.DevSet <sources folder> <output folder>");
    return 64;
}

Directory.CreateDirectory(args[1]);
var sources = Directory.GetFiles(args[0], "*.txt").Order(StringComparer.Ordinal).ToList();
for (var index = 0; index < sources.Count; index++)
{
    var letter = LetterSource.Read(sources[index]);
    var renditions = Renditions.For(index, letter);
    var pages = letter.Pages.Select(PageLayout.Place).ToList();
    var stem = Path.Combine(args[1], letter.Id);
    File.WriteAllBytes(stem + ".docx", DocxLetter.Build(letter, renditions));
    File.WriteAllBytes(stem + ".pdf", TextPdfLetter.Build(pages));
    var scan = ScanLetter.Build(pages, renditions.Scan);
    File.WriteAllBytes(stem + ".scan." + scan.Extension, scan.Bytes);
    Console.WriteLine($"{letter.Id}: {renditions.Describe()}");
}

Console.WriteLine($"{sources.Count} letters rendered into {args[1]}");
return 0;
