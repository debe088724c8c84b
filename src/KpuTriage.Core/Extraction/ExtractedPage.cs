namespace KpuTriage.Core.Extraction;

/// <summary>The text of one page, numbered from 1, as read from the document.</summary>
public sealed record ExtractedPage(int Number, string Text);
