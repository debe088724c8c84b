using System.Text;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// Replaces personal data (NIK, NIP, KK, phone numbers, e-mail addresses, as
/// <see cref="PiiScanner"/> finds them) with placeholders before a letter goes to a cloud
/// provider, and puts it back into the answer. Placeholders are stable within a letter — the
/// same NIK printed twice is [NIK-1] both times — so the model can still tell that two
/// mentions are one person, and a cached answer restores the same way.
/// </summary>
public sealed class PersonalDataMask
{
    private readonly Dictionary<string, string> _originals = new(StringComparer.Ordinal);

    private PersonalDataMask(string text) => Text = text;

    /// <summary>The letter with every personal datum replaced.</summary>
    public string Text { get; private set; }

    public int Count => _originals.Count;

    public static PersonalDataMask Apply(string text)
    {
        var mask = new PersonalDataMask(text);
        var byValue = new Dictionary<string, string>(StringComparer.Ordinal);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var masked = new StringBuilder();
        var at = 0;
        foreach (var span in PiiScanner.Scan(1, text).Where(s => s.Start >= 0))
        {
            if (span.Start < at)
            {
                continue;
            }

            var key = span.Kind + ":" + Normalize(span);
            if (!byValue.TryGetValue(key, out var placeholder))
            {
                var n = counters[span.Kind] = counters.GetValueOrDefault(span.Kind) + 1;
                placeholder = $"[{Label(span.Kind)}-{n}]";
                byValue[key] = placeholder;
                mask._originals[placeholder] = span.Quote;
            }

            masked.Append(text, at, span.Start - at).Append(placeholder);
            at = span.Start + span.Length;
        }

        mask.Text = masked.Append(text, at, text.Length - at).ToString();
        return mask;
    }

    /// <summary>Puts the personal data back in a value or quote of the answer.</summary>
    public string? Restore(string? value)
    {
        if (value is null || _originals.Count == 0 || !value.Contains('[', StringComparison.Ordinal))
        {
            return value;
        }

        foreach (var (placeholder, original) in _originals)
        {
            value = value.Replace(placeholder, original, StringComparison.Ordinal);
        }

        return value;
    }

    private static string Normalize(PiiSpan span) => span.Kind == PiiScanner.Email
        ? span.Quote.ToLowerInvariant()
        : string.Concat(span.Quote.Where(char.IsAsciiDigit));

    // Indonesian labels: the model reads an Indonesian letter.
    private static string Label(string kind) => kind switch
    {
        PiiScanner.Phone => "TELEPON",
        PiiScanner.Email => "EMAIL",
        _ => kind,
    };
}
