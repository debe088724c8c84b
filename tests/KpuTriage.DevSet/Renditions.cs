using System.Globalization;

namespace KpuTriage.DevSet;

/// <summary>
/// The choices made for one letter's renderings, from its place in the sorted list and a
/// hash of its id, so the same sources always give the same files: about a third of the
/// DOCX put the Nomor/Sifat/Lampiran/Hal block in a borderless table, a quarter put the
/// letterhead in the page header, a quarter of the scans are image-only PDFs (always so
/// for letters of two pages), a few are black-and-white PNGs, and two are rough.
/// </summary>
internal sealed record Renditions(bool HeaderTable, bool KopInPageHeader, ScanStyle Scan)
{
    private static readonly int[] DpiCycle = [200, 150, 300, 200, 150, 200, 300];

    public static Renditions For(int index, LetterSource letter)
    {
        var random = new Random(Seed(letter.Id));
        var rough = index is 11 or 29;
        var format = letter.Pages.Count > 1 || index % 4 == 2 ? "pdf" : index % 9 == 4 ? "png" : "jpg";
        var rotation = Math.Round(0.3 + (random.NextDouble() * 1.7), 2) * (random.Next(2) == 0 ? -1 : 1);
        var scan = new ScanStyle(
            Dpi: rough ? 150 : format == "png" ? 200 : DpiCycle[index % DpiCycle.Length],
            Rotation: rough ? Math.Sign(rotation) * 1.9 : rotation,
            Noise: rough ? 1.3 : Math.Round(0.25 + (random.NextDouble() * 0.45), 2),
            Blur: rough ? 0.9 : Math.Round(0.3 + (random.NextDouble() * 0.4), 2),
            WhitePoint: rough ? 100 : 86 + random.Next(10),
            Quality: rough ? 60 : 62 + random.Next(24),
            Format: format,
            Bilevel: format == "png",
            Stamp: index % 5 == 3,
            Font: index % 3 == 2 ? "Times-Roman" : "Helvetica",
            Seed: 1000 + index);
        return new Renditions(HeaderTable: index % 3 == 0, KopInPageHeader: index % 4 == 1, scan);
    }

    /// <summary>FNV-1a of the letter's id: stable across runs and machines, unlike string.GetHashCode.</summary>
    private static int Seed(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"docx{(HeaderTable ? " table" : "")}{(KopInPageHeader ? " kop-in-header" : "")}; scan {Scan.Format} {Scan.Dpi} dpi {Scan.Rotation:0.00}° noise {Scan.Noise} blur {Scan.Blur} white {Scan.WhitePoint}% q{Scan.Quality} {Scan.Font}{(Scan.Bilevel ? " bilevel" : "")}{(Scan.Stamp ? " stamp" : "")}");
}
