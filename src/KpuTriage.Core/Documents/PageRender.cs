using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Documents;

/// <summary>
/// Draws one PDF page to a PNG with poppler: pdfinfo gives the page's size first, so a page too
/// large for PageImages:MaxPixels at PageImages:Dpi is drawn at the resolution that fits instead
/// (pdftoppm's -W/-H bound the bitmap too, whatever the page claims). Both tools share one timeout.
/// </summary>
internal static partial class PageRender
{
    /// <returns>Null when the PNG is at <paramref name="output"/>.png, else why the page could not be drawn.</returns>
    public static async Task<string?> DrawAsync(string pdf, int page, string output, PageImageOptions options, string pdftoppm, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var number = page.ToString(CultureInfo.InvariantCulture);
        var info = await ToolProcess.RunAsync(ToolLocator.Find(options.PdfinfoPath) ?? options.PdfinfoPath, ["-f", number, "-l", number, pdf], options.RenderTimeout, ct);
        if (info is null)
        {
            return "pdfinfo is not installed (install poppler-utils)";
        }

        if (info.TimedOut)
        {
            return TimedOut(options);
        }

        if (info.ExitCode != 0 || Size(info.StandardOutput) is not { } size)
        {
            return $"pdfinfo could not read the page's size: {info.ErrorLine()}";
        }

        var (dpi, pixelsWide, pixelsHigh) = Resolution(size.Width, size.Height, options);
        var left = options.RenderTimeout - clock.Elapsed;
        if (left <= TimeSpan.Zero)
        {
            return TimedOut(options);
        }

        var draw = await ToolProcess.RunAsync(
            pdftoppm,
            ["-r", dpi.ToString("0.####", CultureInfo.InvariantCulture), "-cropbox", "-png", "-f", number, "-l", number, "-singlefile",
             "-W", pixelsWide.ToString(CultureInfo.InvariantCulture), "-H", pixelsHigh.ToString(CultureInfo.InvariantCulture), pdf, output],
            left,
            ct);
        return draw switch
        {
            null => "pdftoppm is not installed (install poppler-utils)",
            { TimedOut: true } => TimedOut(options),
            { ExitCode: not 0 } => $"pdftoppm could not draw the page: {draw.ErrorLine()}",
            _ => File.Exists(output + ".png") ? null : "pdftoppm drew nothing",
        };
    }

    /// <returns>The resolution to draw at: PageImages:Dpi, or less so the bitmap stays within PageImages:MaxPixels; and the bitmap's size.</returns>
    internal static (double Dpi, long Width, long Height) Resolution(double widthPoints, double heightPoints, PageImageOptions options)
    {
        var dpi = Math.Min(options.Dpi, 72 * Math.Sqrt(options.MaxPixels / (widthPoints * heightPoints)));
        while (true)
        {
            // poppler rounds a bitmap's sides up.
            var width = Math.Max(1, (long)Math.Ceiling(widthPoints * dpi / 72));
            var height = Math.Max(1, (long)Math.Ceiling(heightPoints * dpi / 72));
            if (width * height <= options.MaxPixels || dpi < 0.01)
            {
                return (dpi, width, height);
            }

            dpi *= 0.99;
        }
    }

    // "Page    3 size:  14400 x 14400 pts" (the crop box, as -cropbox draws) and "Page    3 rot:   90".
    private static (double Width, double Height)? Size(string pdfinfo)
    {
        var size = SizeLine().Match(pdfinfo);
        if (!size.Success
            || !double.TryParse(size.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var width)
            || !double.TryParse(size.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var height)
            || !(width > 0 && height > 0))
        {
            return null;
        }

        var rotation = RotationLine().Match(pdfinfo) is { Success: true } r ? int.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return rotation % 180 == 0 ? (width, height) : (height, width);
    }

    private static string TimedOut(PageImageOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"the page took over {options.RenderTimeout.TotalSeconds:0} s to draw (PageImages:RenderTimeout)");

    [GeneratedRegex(@"^Page\s+\d+\s+size:\s+([0-9.eE+]+)\s+x\s+([0-9.eE+]+)\s+pts", RegexOptions.Multiline)]
    private static partial Regex SizeLine();

    [GeneratedRegex(@"^Page\s+\d+\s+rot:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex RotationLine();
}
