namespace KpuTriage.Core.Triage;

/// <summary>
/// Undoes the letters OCR reads for digits ('l' or 'I' for 1, 'O' for 0) where they touch
/// a digit. Keeps the length, so offsets into the result are offsets into the page text.
/// </summary>
internal static class OcrDigits
{
    public static string Normalize(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var digit = chars[i] switch
            {
                'l' or 'I' or '|' => '1',
                'O' or 'o' => '0',
                _ => '\0',
            };
            var touchesDigit = (i > 0 && char.IsAsciiDigit(chars[i - 1])) || (i + 1 < chars.Length && char.IsAsciiDigit(chars[i + 1]));
            if (digit != '\0' && touchesDigit)
            {
                chars[i] = digit;
            }
        }

        return new string(chars);
    }
}
