namespace KpuTriage.Core.Extraction;

/// <summary>
/// Characters of a page's text that OCR read with low word confidence — as a rule handwriting
/// (a sequence number or day filled into a printed blank), a stamp over text or a smudge. The
/// parser keeps the printed parts of a value and marks such a part as a gap rather than
/// proposing what OCR guessed there.
/// </summary>
public sealed record UncertainSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool Overlaps(int start, int end) => Start < end && start < End;
}
