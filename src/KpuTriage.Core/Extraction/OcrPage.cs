namespace KpuTriage.Core.Extraction;

/// <summary>
/// What OCR made of one page: its text and mean word confidence (null when no word was
/// found), or <see cref="Failure"/>, a reason for a clerk, when the page could not be read, or
/// <see cref="OverBudget"/> when the document's OCR time ran out before or while it was read.
/// <see cref="Uncertain"/> are the words read with low confidence, null when there are none.
/// </summary>
internal sealed record OcrPage(string Text, double? Confidence, string? Failure = null, bool OverBudget = false, IReadOnlyList<UncertainSpan>? Uncertain = null)
{
    public static OcrPage Unread { get; } = new(string.Empty, null, OverBudget: true);

    public static OcrPage Failed(string reason) => new(string.Empty, null, reason);
}
