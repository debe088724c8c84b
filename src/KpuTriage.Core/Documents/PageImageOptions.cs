using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Documents;

/// <summary>Configuration section "PageImages": how the desk's images of PDF pages are drawn, and what one may cost.</summary>
public sealed class PageImageOptions
{
    public const string Section = "PageImages";

    /// <summary>PageImages:Dpi — the resolution of an ordinary page (A4 at 110 dpi is 910 × 1287 pixels, sharp on a screen).</summary>
    [Range(36, 600, ErrorMessage = "PageImages:Dpi must be between 36 and 600.")]
    public int Dpi { get; set; } = 110;

    /// <summary>
    /// PageImages:MaxPixels — the most pixels one page image has: a larger page is drawn at a lower
    /// resolution. A 200-inch page at Dpi would be 22000 × 22000 pixels (1.9 GB to draw); 4 MP
    /// keeps A3 at the full resolution.
    /// </summary>
    [Range(10_000, 100_000_000, ErrorMessage = "PageImages:MaxPixels must be between 10000 and 100000000.")]
    public long MaxPixels { get; set; } = 4_000_000;

    /// <summary>PageImages:RenderTimeout — the time to draw one page (and to wait for a turn to draw it); the tools are killed after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "PageImages:RenderTimeout must be between 1 second and 10 minutes.")]
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>PageImages:Renders — pages drawn at once for all clerks together.</summary>
    [Range(1, 64, ErrorMessage = "PageImages:Renders must be between 1 and 64.")]
    public int Renders { get; set; } = 2;

    /// <summary>
    /// PageImages:RendersPerDocument — pages of one document drawn at once. Below
    /// <see cref="Renders"/>, one heavy letter whose every page a browser asks for at once
    /// leaves a turn for everyone else's letters.
    /// </summary>
    [Range(1, 64, ErrorMessage = "PageImages:RendersPerDocument must be between 1 and 64.")]
    public int RendersPerDocument { get; set; } = 1;

    /// <summary>
    /// PageImages:RetryFailedAfter — how long a page that could not be drawn (too slow, broken)
    /// is answered from memory instead of drawn again; deleting the cache folder (data/pages)
    /// forgets sooner.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "PageImages:RetryFailedAfter must be between 1 second and 30 days.")]
    public TimeSpan RetryFailedAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>PageImages:PdfinfoPath — poppler's pdfinfo, which gives a page's size before it is drawn: a path, or a name looked up on PATH.</summary>
    [Required(ErrorMessage = "PageImages:PdfinfoPath must name pdfinfo (poppler-utils).")]
    public string PdfinfoPath { get; set; } = "pdfinfo";
}
