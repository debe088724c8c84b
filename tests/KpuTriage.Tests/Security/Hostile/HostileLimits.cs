namespace KpuTriage.Tests.Security.Hostile;

/// <summary>
/// The limits the hostile corpus is sized against: the spec lowers the costly ones so the
/// corpus runs in a minute; the benchmark feeds it at the product's defaults.
/// </summary>
internal sealed record HostileLimits(
    long MaxBytes, int MaxPages, int OcrMaxPages, int MaxAttachmentsPerMail, int MaxMailNesting, int OneLineBytes, int MaxTextCharacters)
{
    /// <summary>The product's defaults (README, Configuration).</summary>
    public static HostileLimits Defaults { get; } = new(50L * 1024 * 1024, 500, 50, 50, 3, 40 * 1024 * 1024, 1_000_000);

    /// <summary>Small enough for the suite; each still well past what a real letter needs.</summary>
    public static HostileLimits Spec { get; } = new(8L * 1024 * 1024, 40, 2, 5, 2, 6 * 1024 * 1024, 200_000);

    public IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Intake:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Extraction:MaxPages", MaxPages.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Extraction:OcrMaxPages", OcrMaxPages.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Intake:MaxAttachmentsPerMail", MaxAttachmentsPerMail.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Intake:MaxMailNesting", MaxMailNesting.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Extraction:MaxTextChars", MaxTextCharacters.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
