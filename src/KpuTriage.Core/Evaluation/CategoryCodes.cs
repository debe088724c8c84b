using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Evaluation;

/// <summary>
/// Reads a letter type labelled by another naming as the taxonomy's code: the code itself, the
/// type's name written as a code ("Surat Undangan" → surat_undangan), or the code with the
/// form word "surat_" before it (surat_keputusan → keputusan). Anything else is kept as it is,
/// so a type the taxonomy lacks still scores as a miss.
/// </summary>
public static class CategoryCodes
{
    private const string FormWord = "surat_";

    public static Func<string, string> LetterTypes(Taxonomy taxonomy)
    {
        var byAlias = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in taxonomy.LetterTypes)
        {
            byAlias.TryAdd(type.Code, type.Code);
            byAlias.TryAdd(AsCode(type.Name), type.Code);
            byAlias.TryAdd(FormWord + type.Code, type.Code);
        }

        return label => byAlias.GetValueOrDefault(label.Trim(), label);
    }

    private static string AsCode(string name) => string.Join('_', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
