namespace KpuTriage.Core.Triage;

/// <summary>Lists everything wrong with a taxonomy file at once, so one edit fixes them all.</summary>
internal static class TaxonomyFileCheck
{
    public static List<string> Problems(TaxonomyFile file)
    {
        var problems = new List<string>();

        var letterTypes = file.LetterTypes ?? [];
        if (letterTypes.Count == 0)
        {
            problems.Add("'letter_types' is missing or empty");
        }

        CheckCodes(problems, "letter_types", letterTypes.Select(t => (t.Code, t.Name)));
        var typeCodes = letterTypes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, code) in new[]
                 {
                     ("with_letterhead", file.LetterTypeFallbacks?.WithLetterhead),
                     ("without_letterhead", file.LetterTypeFallbacks?.WithoutLetterhead),
                 })
        {
            if (code is not null && !typeCodes.Contains(code))
            {
                problems.Add($"'letter_type_fallbacks.{key}' is '{code}', which is not a letter type code");
            }
        }

        CheckAxis(problems, "urgency", file.Urgency);
        CheckAxis(problems, "security", file.Security);

        var registers = file.Registers ?? [];
        foreach (var code in (file.Urgency?.Codes ?? []).Where(c => c.SuggestWithinDays is < 0))
        {
            problems.Add($"urgency '{code.Code}' has suggest_within_days {code.SuggestWithinDays}; it must be 0 or more");
        }

        if (registers.Count == 0)
        {
            problems.Add("'registers' is missing or empty");
        }

        CheckCodes(problems, "registers", registers.Select(r => (r.Code, r.Name)));
        CheckCodes(problems, "units", (file.Units ?? []).Select(u => (u.Code, u.Name)));
        var registerCodes = registers.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in (file.Units ?? []).Where(u => u.Register is null || !registerCodes.Contains(u.Register)))
        {
            problems.Add($"unit '{unit.Code}' has register '{unit.Register}', which is not a register code");
        }

        CheckCodes(problems, "archive_codes", (file.ArchiveCodes ?? []).Select(a => (a.Code, a.Name)));
        CheckCodes(problems, "disposition_actions", (file.DispositionActions ?? []).Select(a => (a.Code, a.Name)));
        foreach (var action in (file.DispositionActions ?? []).Where(a => a.Code?.Contains(',', StringComparison.Ordinal) == true))
        {
            problems.Add($"disposition action '{action.Code}' contains a comma");
        }

        return problems;
    }

    private static void CheckAxis(List<string> problems, string key, SifatAxisFile? axis)
    {
        var codes = axis?.Codes ?? [];
        if (codes.Count == 0)
        {
            problems.Add($"'{key}.codes' is missing or empty");
            return;
        }

        CheckCodes(problems, $"{key}.codes", codes.Select(c => (c.Code, c.Name)));
        if (axis?.Default is not { } fallback || !codes.Any(c => c.Code == fallback))
        {
            problems.Add($"'{key}.default' must name one of its codes");
        }

        foreach (var code in codes)
        {
            if ((code.Phrases ?? []).Concat(code.ApproximatePhrases ?? []).Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{key} code '{code.Code}' has a blank phrase");
            }
        }
    }

    private static void CheckCodes(List<string> problems, string key, IEnumerable<(string? Code, string? Name)> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (code, name) in entries)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                problems.Add($"'{key}' entry {index + 1} has no 'code'");
            }
            else if (!seen.Add(code))
            {
                problems.Add($"'{key}' has code '{code}' twice");
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add($"'{key}' entry {index + 1} ({code}) has no 'name'");
            }

            index++;
        }
    }
}
