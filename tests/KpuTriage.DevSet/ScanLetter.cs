using System.Diagnostics;
using System.Globalization;
using KpuTriage.Tests.Extraction;

namespace KpuTriage.DevSet;

/// <summary>
/// Draws laid-out pages with ImageMagick as an office scanner gives them back: a grey A4
/// page at 150–300 dpi, a little askew, speckled and slightly soft, saved as JPEG, as a
/// black-and-white PNG, or as JPEG pages in an image-only PDF. One <c>-annotate</c> per
/// piece of text, because ImageMagick's policy blocks <c>caption:@file</c>; <c>-seed</c>
/// fixes the grain so the same page always gives the same bytes.
/// </summary>
internal static class ScanLetter
{
    public static ScanFile Build(IReadOnlyList<LaidOutPage> pages, ScanStyle style)
    {
        if (style.Format == "pdf")
        {
            var jpegs = pages.Select((page, i) => Draw(page, style with { Seed = style.Seed + (i * 101) }, "jpg")).ToArray();
            return new ScanFile(TestPdfs.Scanned(jpegs), "pdf");
        }

        return new ScanFile(Draw(pages[0], style, style.Format), style.Format);
    }

    private static byte[] Draw(LaidOutPage page, ScanStyle style, string format)
    {
        double Px(double points) => points * style.Dpi / 72;
        string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        var width = (int)Math.Round(Px(PageLayout.PageWidth));
        var height = (int)Math.Round(Px(PageLayout.PageHeight));
        var bold = style.Font == "Helvetica" ? "Helvetica-Bold" : "Times-Bold";

        List<string> arguments =
        [
            "-size", $"{width}x{height}", "xc:white", "-units", "PixelsPerInch", "-density", N(style.Dpi),
            "-stroke", "black", "-strokewidth", N(Px(1.4)),
        ];
        foreach (var rule in page.Rules)
        {
            arguments.AddRange(["-draw", $"line {N(Px(56))},{N(Px(rule))} {N(Px(PageLayout.PageWidth - 48))},{N(Px(rule))}"]);
        }

        // Stamp ink goes under the typed text, so the text stays black where they cross, as on paper.
        if (style.Stamp && SignatureSpot(page) is var (x, y))
        {
            arguments.AddRange(Stamp(Px(x), Px(y), Px(36), N));
        }

        arguments.AddRange(["-stroke", "none", "-fill", "black"]);
        foreach (var run in page.Runs)
        {
            arguments.AddRange(["-font", run.Bold ? bold : style.Font, "-pointsize", N(run.Size), "-annotate", $"+{N(Px(run.X))}+{N(Px(run.Baseline))}", Escape(run.Text)]);
        }

        arguments.AddRange(["-background", "white", "-rotate", N(style.Rotation), "-gravity", "center", "-extent", $"{width}x{height}", "+gravity"]);
        arguments.AddRange(["-seed", style.Seed.ToString(CultureInfo.InvariantCulture), "-attenuate", N(style.Noise), "+noise", "Gaussian", "-blur", $"0x{N(style.Blur)}"]);
        // A scanner sets its white point: most grain on the paper goes, the speckle stays.
        arguments.AddRange(["-level", $"0%,{style.WhitePoint}%"]);
        arguments.AddRange(["-colorspace", "Gray"]);
        if (style.Bilevel && format == "png")
        {
            arguments.AddRange(["-threshold", "58%", "-type", "Bilevel", "-define", "png:exclude-chunks=date,time"]);
        }
        else
        {
            arguments.AddRange(["-quality", style.Quality.ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.Add("-strip");
        return Magick(arguments, format);
    }

    /// <summary>Where a signature sits: on the last "ttd." of the page, or else just above the signer's name over the NIP.</summary>
    private static (double X, double Y)? SignatureSpot(LaidOutPage page)
    {
        if (page.Runs.LastOrDefault(r => r.Text == "ttd.") is { } signed)
        {
            return (signed.X + 4, signed.Baseline - 4);
        }

        var nip = page.Runs.FirstOrDefault(r => r.Text.StartsWith("NIP", StringComparison.Ordinal));
        var name = nip is null ? null : page.Runs.LastOrDefault(r => r.Line < nip.Line);
        return name is null ? null : (name.X + 10, name.Baseline - 26);
    }

    /// <summary>A faint round office stamp (two rings and a bar where the emblem sits), as stamped over a signature.</summary>
    private static IEnumerable<string> Stamp(double x, double y, double radius, Func<double, string> n) =>
    [
        "-fill", "none", "-stroke", "gray62", "-strokewidth", n(radius / 14),
        "-draw", $"circle {n(x)},{n(y)} {n(x + radius)},{n(y)}",
        "-draw", $"circle {n(x)},{n(y)} {n(x + (radius * 0.68))},{n(y)}",
        "-draw", $"line {n(x - (radius * 0.45))},{n(y)} {n(x + (radius * 0.45))},{n(y)}",
    ];

    /// <summary>ImageMagick reads % escapes and a leading @ in annotate text.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "%%", StringComparison.Ordinal) is var escaped && escaped.StartsWith('@') ? "\\" + escaped : escaped;

    private static byte[] Magick(IEnumerable<string> arguments, string format)
    {
        var folder = Directory.CreateTempSubdirectory("kputriage-devset-");
        try
        {
            var output = Path.Combine(folder.FullName, "page." + format);
            var start = new ProcessStartInfo("convert") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(output);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("convert did not start (install imagemagick)");
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? File.ReadAllBytes(output) : throw new InvalidOperationException($"convert failed: {error}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
