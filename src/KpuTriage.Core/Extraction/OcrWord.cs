namespace KpuTriage.Core.Extraction;

/// <summary>One word Tesseract read: the line it put it on (block, paragraph, line), its text, confidence (0–100, −1 for none) and box in pixels.</summary>
internal sealed record OcrWord((string Block, string Paragraph, string Line) Line, string Text, double Confidence, int Left, int Top, int Right, int Bottom);
