using System.Text;
using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads Nomor. Numbers are free-form across agencies ("1/PP.01.1-SD/5304/1/2025",
/// "UND-62/WKN.03/KNL.03/2017", "Kpts. 18/DINSOS/II/2017"), so the value is taken
/// token by token while tokens still look like parts of a number.
/// </summary>
internal static partial class LetterNumberReader
{
    // A colon after "Nomor" is the header's own shape; a semicolon or a lone dot is OCR
    // or "No."; no separator at all is as likely a wrapped body line ("... Undang-Undang
    // Nomor 7 ..."), so it needs a slash in the value and stays below the warning line.
    private const double WithColon = 0.9;
    private const double WithOtherSeparator = 0.8;
    private const double WithoutSeparator = 0.55;
    private const double NumberWithYear = 0.75;
    private const double WithoutSlash = 0.5;
    private const double BlankSequence = 0.5;
    private const double RepairedSpacesPenalty = 0.1;
    private const double HandwrittenWhole = 0.4;

    /// <summary>A hand-filled part left out, as the register shows a blank: three spaces.</summary>
    private const string Gap = "   ";

    // Stands for a gap while spaces around slashes are removed.
    private const char GapMark = '\u2026';

    public static FieldReading Read(IReadOnlyList<LetterPage> pages) =>
        FieldReading.Best(pages.SelectMany(page => page.Lines.Select(line => Candidate(page, line))));

    private static FieldReading? Candidate(LetterPage page, TextLine line)
    {
        var label = HeaderPatterns.NumberLabel().Match(line.Text);
        if (!label.Success)
        {
            return null;
        }

        var separator = label.Groups["sep"].Value;
        var valueStart = label.Index + label.Length;
        var valueEnd = LineValue.End(line.Text, valueStart);
        var value = line.Text[valueStart..valueEnd];
        var evidenceStart = line.Start + label.Groups["label"].Index;

        // Only a whole upper-case line counts: a title block's "NOMOR 12 TAHUN 2025", not a
        // body sentence citing "Nomor 7 Tahun 2017 tentang Pemilihan Umum".
        var withYear = HeaderPatterns.NumberWithYear().Match(value);
        if (withYear.Success)
        {
            if (withYear.Length != value.Length || !page.InHeader(line) || label.Groups["label"].Value != "NOMOR")
            {
                return null;
            }

            return new FieldReading(new ProposedField(
                LineShape.CollapseSpaces(withYear.Value),
                NumberWithYear,
                page.Evidence(evidenceStart, line.Start + valueStart + withYear.Length)));
        }

        var rawLength = NumberLength(value);
        rawLength = LineValue.TrimPunctuation(value, 0, rawLength);
        if (rawLength == 0)
        {
            return null;
        }

        var raw = value[..rawLength];
        var number = SpacesAroundSlash().Replace(LineShape.CollapseSpaces(raw), "/");
        var hasDigit = number.Any(char.IsAsciiDigit);
        var hasSlash = number.Contains('/', StringComparison.Ordinal);
        var confidence = separator.Contains(':', StringComparison.Ordinal) ? WithColon
            : separator.Length > 0 ? WithOtherSeparator
            : WithoutSeparator;
        if (!hasDigit || (separator.Length == 0 && !hasSlash))
        {
            return null;
        }

        string? note = null;
        if (!hasSlash)
        {
            confidence = Math.Min(confidence, WithoutSlash);
            note = $"'{number}' has none of the slashes a letter number has";
        }

        if (number != LineShape.CollapseSpaces(raw))
        {
            confidence -= RepairedSpacesPenalty;
            note = $"spaces removed from the printed number '{LineShape.CollapseSpaces(raw)}'";
        }

        var valuePage = line.Start + valueStart;
        if (HandFilled(page, raw, valuePage) is { } gapped)
        {
            number = gapped;
            confidence = Math.Min(confidence, BlankSequence);
            note = $"'{number}': a part OCR could not read with confidence (handwritten or smudged) is left as a gap";
        }
        else if (page.IsUncertain(valuePage, valuePage + rawLength))
        {
            // Every part is uncertain (a number written wholly by hand): OCR's guess is all
            // there is, and it is shown as one.
            confidence = Math.Min(confidence, HandwrittenWhole);
            note = $"'{number}' was read from handwriting or a smudge: check it against the image";
        }
        else if (number.Contains("-/", StringComparison.Ordinal))
        {
            // "UND-   /WKN.03/2017" with the blank left empty: OCR joins the two sides.
            number = number.Replace("-/", "-" + Gap + "/", StringComparison.Ordinal);
            confidence = Math.Min(confidence, BlankSequence);
            note = $"'{number}' has a blank sequence number";
        }
        else if (number[0] is '/' or '.' or '-' || number[^1] is '/' or '-' || number.Contains("//", StringComparison.Ordinal))
        {
            confidence = Math.Min(confidence, BlankSequence);
            note = $"'{number}' has a blank sequence number";
        }

        if (separator.Length == 0)
        {
            note = "no colon after 'Nomor': it may be a reference in the body";
        }

        var evidence = page.Evidence(evidenceStart, line.Start + valueStart + rawLength);
        return new FieldReading(new ProposedField(number, confidence, evidence), confidence < ProposedField.LowConfidence ? note : null);
    }

    /// <summary>
    /// The number with each word OCR read with low confidence replaced by a gap
    /// (<c>UND-   /WKN.03/KNL.03/2017</c>, <c>005/   /2020</c>); null when no word is uncertain,
    /// or when no printed part would be left to show.
    /// </summary>
    private static string? HandFilled(LetterPage page, string raw, int rawStart)
    {
        var text = new StringBuilder(raw);
        var gapped = false;
        var printed = false;
        foreach (var token in Token().Matches(raw).Reverse())
        {
            if (!token.Value.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            if (page.IsUncertain(rawStart + token.Index, rawStart + token.Index + token.Length))
            {
                // A word holding a slash is a printed separator and what was written beside it
                // ("/baw"): the part beside the slash is the gap. With two parts ("6/2620")
                // which one is hand-filled cannot be told, so the number is not gapped.
                var parts = token.Value.Split('/');
                if (parts.Count(part => part.Any(char.IsLetterOrDigit)) > 1)
                {
                    return null;
                }

                var replacement = string.Join('/', parts.Select(part => part.Any(char.IsLetterOrDigit) ? GapMark.ToString() : part));
                text.Remove(token.Index, token.Length).Insert(token.Index, replacement);
                gapped = true;
            }
            else
            {
                printed = true;
            }
        }

        if (!gapped || !printed)
        {
            return null;
        }

        var number = SpacesAroundSlash().Replace(LineShape.CollapseSpaces(text.ToString()), "/");
        return AroundGap().Replace(number, Gap);
    }

    /// <summary>How many characters of <paramref name="value"/> belong to the number.</summary>
    private static int NumberLength(string value)
    {
        var tokens = Token().Matches(value);
        var end = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Value;
            var previous = i > 0 ? tokens[i - 1].Value : null;
            var keep = token.Any(char.IsAsciiDigit)
                || token.Contains('/', StringComparison.Ordinal)
                || previous?.EndsWith('/') == true
                || (i == 0 && AgencyPrefix().IsMatch(token) && tokens.Skip(1).Take(2).Any(t => t.Value.Contains('/', StringComparison.Ordinal)));
            if (!keep)
            {
                break;
            }

            end = tokens[i].Index + tokens[i].Length;
        }

        return end;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    /// <summary>
    /// A short abbreviation before the number proper: "Kpts. 18/DINSOS/II/2017", or "UND-" with
    /// the sequence written by hand (or left blank) after it: "UND- 62 /WKN.03/2017".
    /// </summary>
    [GeneratedRegex(@"^\p{L}{1,6}[.\-]$")]
    private static partial Regex AgencyPrefix();

    [GeneratedRegex(@"\s*\u2026\s*")]
    private static partial Regex AroundGap();

    [GeneratedRegex(@"\s*/\s*")]
    private static partial Regex SpacesAroundSlash();
}
