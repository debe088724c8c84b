using System.Globalization;

namespace KpuTriage.Benchmarks.Extraction;

/// <summary>
/// Draws a letter's first page as a 300 dpi grey A4 PNG with ImageMagick, one -annotate per
/// line (its policy blocks caption:@file), laid out like a printed letter: kop, rule, date on
/// the right, header fields, body.
/// </summary>
internal static class PageImages
{
    private const int Width = 2480;
    private const int Height = 3508;
    private const int Margin = 180;
    private const int LineStep = 70;

    public static async Task DrawAsync(BenchmarkLetter letter, string file, CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "-size", $"{Width}x{Height}", "xc:white", "-units", "PixelsPerInch", "-density", "300",
            "-font", "DejaVu-Sans", "-fill", "black",
            "-pointsize", "15", "-annotate", At(300, 220), letter.Letterhead[0],
            "-pointsize", "10", "-annotate", At(700, 300), letter.Letterhead[1],
            "-draw", $"line {Margin},340 {Width - Margin},340",
            "-pointsize", "11", "-annotate", At(1560, 460), letter.DateLine,
        ];
        var y = 600;
        foreach (var line in letter.HeaderFields.Concat(letter.Body))
        {
            arguments.AddRange(["-annotate", At(Margin, y), line]);
            y += LineStep;
        }

        arguments.AddRange(["-colorspace", "Gray", "-depth", "8", file]);
        await CliTool.RunAsync("convert", arguments, cancellationToken);
    }

    private static string At(int x, int y) => string.Create(CultureInfo.InvariantCulture, $"+{x}+{y}");
}
