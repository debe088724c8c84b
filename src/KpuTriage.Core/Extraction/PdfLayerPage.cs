namespace KpuTriage.Core.Extraction;

/// <summary>One page of a PDF's text layer, with its size in points so a render can be refused before it starts.</summary>
internal sealed record PdfLayerPage(int Number, string Text, bool Failed, double WidthPoints, double HeightPoints)
{
    /// <summary>A page that read without error and holds no text: a scan, or truly blank.</summary>
    public bool NeedsOcr => !Failed && string.IsNullOrWhiteSpace(Text);
}
