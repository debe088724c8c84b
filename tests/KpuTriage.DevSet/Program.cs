using KpuTriage.DevSet;

// Checks the output folder's labels.tsv against the letters, then renders every letter in
// the sources folder three ways (DOCX, text PDF, scan-like image or scanned PDF) into it.
// Same sources in, same bytes out: every choice comes from the letter's place in the
// sorted list and its id, and ImageMagick's grain from a fixed seed.
if (args.Length != 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: KpuTriage.DevSet <sources folder> <output folder>");
    return 64;
}

Directory.CreateDirectory(args[1]);
var letters = Directory.GetFiles(args[0], "*.txt").Order(StringComparer.Ordinal).Select(LetterSource.Read).ToList();
var labels = Path.Combine(args[1], "labels.tsv");
if (File.Exists(labels) && LabelCheck.Problems(labels, letters) is { Count: > 0 } problems)
{
    problems.ForEach(Console.Error.WriteLine);
    return 65;
}

for (var index = 0; index < letters.Count; index++)
{
    var letter = letters[index];
    var renditions = Renditions.For(index, letter);
    var pages = letter.Pages.Select(PageLayout.Place).ToList();
    var stem = Path.Combine(args[1], letter.Id);
    File.WriteAllBytes(stem + ".docx", DocxLetter.Build(letter, renditions));
    File.WriteAllBytes(stem + ".pdf", PdfFileId.MakeDeterministic(TextPdfLetter.Build(pages)));
    var scan = ScanLetter.Build(pages, renditions.Scan);
    File.WriteAllBytes(stem + ".scan." + scan.Extension, scan.Extension == "pdf" ? PdfFileId.MakeDeterministic(scan.Bytes) : scan.Bytes);
    Console.WriteLine($"{letter.Id}: {renditions.Describe()}");
}

Console.WriteLine($"{letters.Count} letters rendered into {args[1]}");
return 0;
