namespace KpuTriage.Core.Triage;

/// <summary>Tests on how a line looks, shared by the kop and title rules.</summary>
internal static class LineShape
{
    // OCR turns the odd capital into a small letter; a tenth of the letters may be wrong.
    private const double UpperCaseShare = 0.9;

    public static int LetterCount(string text) => text.Count(char.IsLetter);

    public static bool IsUpperCase(string text)
    {
        var letters = LetterCount(text);
        return letters >= 3 && text.Count(char.IsUpper) >= UpperCaseShare * letters;
    }

    public static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
