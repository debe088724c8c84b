using System.Diagnostics;
using System.Globalization;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Extraction;

/// <summary>
/// Scan-like pictures of a KPU letter, drawn by ImageMagick line by line (its policy blocks
/// <c>caption:@file</c>), so OCR is tested on what a scanner gives rather than on clean text.
/// </summary>
internal static class ScanImages
{
    public const string Letterhead = "KOMISI PEMILIHAN UMUM PROVINSI JAWA BARAT";
    public const string NomorLine = "Nomor : 270/PL.02.1-Und/32/2025";
    public const string SifatLine = "Sifat : Segera";
    public const string HalLine = "Hal : Undangan Rapat Koordinasi";
    public const string DateLine = "Bandung, 12 Maret 2025";
    public const string LetterNumber = "270/PL.02.1-Und/32/2025";
    public const string Perihal = "Undangan Rapat Koordinasi";

    private static readonly Lazy<byte[]> Clean = new(() => Letter(300, "png"));
    private static readonly Lazy<byte[]> Rough = new(() => Letter(150, "jpg", rotateDegrees: 1.5, noise: true));
    private static readonly Lazy<byte[]> Plain100 = new(() => Letter(100, "png"));
    private static readonly Lazy<byte[]> Scattered100 = new(() => Letter(100, "png", scattered: true));

    /// <summary>An A4 page at 300 dpi, grey, as a PNG.</summary>
    public static byte[] Letter300Png => Clean.Value;

    /// <summary>The same page as a cheap office scanner gives it: 150 dpi, 1.5° askew, grainy, a JPEG.</summary>
    public static byte[] Letter150NoisyRotatedJpeg => Rough.Value;

    /// <summary>The page at 100 dpi, clean: small type, but every word readable.</summary>
    public static byte[] Letter100Png => Plain100.Value;

    /// <summary>
    /// The page at 100 dpi with every pixel scattered up to two pixels away, as a worn fax or a
    /// copy of a copy: Tesseract still finds words, but guesses them (mean confidence about 25).
    /// </summary>
    public static byte[] Letter100ScatteredPng => Scattered100.Value;

    /// <summary>A white A4 page at 300 dpi as a JPEG, for a scanned PDF page.</summary>
    public static byte[] Letter300Jpeg(int sequence = 270) => Letter(300, "jpg", sequence: sequence);

    public static byte[] Blank(int width, int height) => Magick($"{width}x{height}", "png", ["xc:white"]);

    /// <summary>A GIF of <paramref name="frames"/> white frames of the given size, as an animation holds them.</summary>
    public static byte[] BlankFramesGif(int frames, int width, int height) =>
        Magick($"{width}x{height}", "gif", ["xc:white", "-duplicate", (frames - 1).ToString(CultureInfo.InvariantCulture)]);

    /// <summary>A multi-page TIFF, one 300 dpi strip of text per page, as a fax or a scanner's "multi-page TIFF" gives it.</summary>
    public static byte[] TextTiff(params string[] pageLines)
    {
        List<string> arguments = [];
        foreach (var line in pageLines)
        {
            arguments.AddRange(["(", "-size", "1400x200", "xc:white", "-font", "DejaVu-Sans", "-pointsize", "12", "-density", "300", "-annotate", "+60+120", line, ")"]);
        }

        arguments.AddRange(["-units", "PixelsPerInch", "-density", "300", "-colorspace", "Gray", "-depth", "8", "-compress", "lzw"]);
        return Magick("1x1", "tif", arguments);
    }

    /// <summary>
    /// A multi-page TIFF that holds OCR for minutes from a few megabytes: the letter on page 1,
    /// then <paramref name="denseFrames"/> A4 pages packed with small random characters, each of
    /// which keeps one Tesseract busy for about a minute here (the hostile four-frame TIFF of issue 12).
    /// </summary>
    public static byte[] LetterThenDenseTiff(int denseFrames)
    {
        using var folder = new TempDirectory();
        var letter = Path.Combine(folder.Path, "letter.png");
        File.WriteAllBytes(letter, Letter300Png);
        var output = Path.Combine(folder.Path, "scan.tif");
        // A fixed seed: the same characters on every run, so the OCR time does not wander.
        var random = new Random(12);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        List<string> dense = ["(", "-size", "2480x3508", "xc:white", "-font", "DejaVu-Sans", "-fill", "black", "-pointsize", "9", "-density", "300"];
        for (var line = 0; line < 120; line++)
        {
            var text = new string([.. Enumerable.Range(0, 150).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            dense.AddRange(["-annotate", string.Create(CultureInfo.InvariantCulture, $"+20+{40 + (line * 28)}"), text]);
        }

        if (denseFrames > 1)
        {
            dense.AddRange(["-duplicate", (denseFrames - 1).ToString(CultureInfo.InvariantCulture)]);
        }

        dense.Add(")");
        Run([letter, .. dense, "-units", "PixelsPerInch", "-density", "300", "-colorspace", "Gray", "-depth", "8", "-compress", "lzw", output]);
        return File.ReadAllBytes(output);
    }

    /// <summary>Runs <c>convert</c> with the given arguments after the output format, as in <c>convert in.png out.tif</c>.</summary>
    public static byte[] Convert(byte[] input, string outputFormat)
    {
        using var folder = new TempDirectory();
        var source = Path.Combine(folder.Path, "in");
        File.WriteAllBytes(source, input);
        var output = Path.Combine(folder.Path, "out." + outputFormat);
        Run([source, output]);
        return File.ReadAllBytes(output);
    }

    private static byte[] Letter(int dpi, string format, double rotateDegrees = 0, bool noise = false, int sequence = 270, bool scattered = false)
    {
        double Px(double at300) => at300 * dpi / 300;
        string At(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"+{Px(x):0}+{Px(y):0}");
        var nomor = NomorLine.Replace("270/", $"{sequence}/", StringComparison.Ordinal);

        List<string> arguments =
        [
            "xc:white", "-units", "PixelsPerInch", "-density", dpi.ToString(CultureInfo.InvariantCulture),
            "-font", "DejaVu-Sans", "-fill", "black",
            "-pointsize", "15", "-annotate", At(300, 220), Letterhead,
            "-pointsize", "10", "-annotate", At(700, 300), "Jalan Garut No. 11, Kota Bandung 40271",
            "-draw", $"line {Px(180):0},{Px(340):0} {Px(2300):0},{Px(340):0}",
            "-pointsize", "11", "-annotate", At(1560, 460), DateLine,
            "-annotate", At(180, 600), nomor,
            "-annotate", At(180, 670), SifatLine,
            "-annotate", At(180, 740), "Lampiran : 1 (satu) berkas",
            "-annotate", At(180, 810), HalLine,
            "-annotate", At(180, 960), "Yth. Ketua KPU Kabupaten/Kota se-Jawa Barat",
            "-annotate", At(180, 1030), "di Tempat",
            "-annotate", At(300, 1170), "Dalam rangka persiapan tahapan Pemilihan, kami mengundang Saudara",
            "-annotate", At(180, 1240), "untuk hadir pada rapat koordinasi yang akan dilaksanakan pada:",
        ];
        if (rotateDegrees != 0)
        {
            arguments.AddRange(["-background", "white", "-rotate", rotateDegrees.ToString(CultureInfo.InvariantCulture)]);
        }

        if (noise)
        {
            arguments.AddRange(["-attenuate", "1.5", "+noise", "Gaussian"]);
        }

        if (scattered)
        {
            // A fixed seed: the same scatter on every run, so the confidence does not wander.
            arguments.AddRange(["-seed", "1", "-spread", "2"]);
        }

        arguments.AddRange(["-colorspace", "Gray"]);
        if (format == "jpg")
        {
            arguments.AddRange(["-quality", noise ? "50" : "85"]);
        }

        return Magick(string.Create(CultureInfo.InvariantCulture, $"{Px(2480):0}x{Px(3508):0}"), format, arguments);
    }

    private static byte[] Magick(string size, string format, IEnumerable<string> arguments)
    {
        using var folder = new TempDirectory();
        var output = Path.Combine(folder.Path, "page." + format);
        Run(["-size", size, .. arguments, output]);
        return File.ReadAllBytes(output);
    }

    private static void Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("convert") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"convert failed (install imagemagick): {error}");
        }
    }
}
