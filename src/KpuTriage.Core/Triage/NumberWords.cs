namespace KpuTriage.Core.Triage;

/// <summary>
/// Indonesian numbers written in words, as a berita acara dates itself ("dua puluh empat",
/// "dua ribu dua puluh lima"). Up to the thousands, which covers days and years.
/// </summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nol"] = 0, ["satu"] = 1, ["se"] = 1, ["dua"] = 2, ["tiga"] = 3, ["empat"] = 4, ["lima"] = 5,
        ["enam"] = 6, ["tujuh"] = 7, ["delapan"] = 8, ["sembilan"] = 9,
    };

    /// <returns>The number, or null when a word is not a number word.</returns>
    public static int? Parse(string words)
    {
        // "dua ribu dua puluh empat": thousands close a group; puluh/belas/ratus scale the unit before them.
        int total = 0, group = 0, unit = 0;
        foreach (var word in words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            switch (word.ToLowerInvariant())
            {
                case "sepuluh": group += 10; break;
                case "sebelas": group += 11; break;
                case "seratus": group += 100; break;
                case "seribu": total += 1000; break;
                case "puluh": group += Or1(unit) * 10; unit = 0; break;
                case "belas": group += Or1(unit) + 10; unit = 0; break;
                case "ratus": group += Or1(unit) * 100; unit = 0; break;
                case "ribu": total += Or1(group + unit) * 1000; group = 0; unit = 0; break;
                default:
                    if (!Units.TryGetValue(word, out var value))
                    {
                        return null;
                    }

                    unit += value;
                    break;
            }
        }

        return total + group + unit;
    }

    private static int Or1(int n) => n == 0 ? 1 : n;
}
