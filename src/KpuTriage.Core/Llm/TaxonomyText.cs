using System.Text;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// The taxonomy as the system prompt shows it: each code with its name, so the model knows
/// what a code means. The schema's enums restrict the answer; these lines explain it.
/// </summary>
internal static class TaxonomyText
{
    public static string Render(Taxonomy taxonomy)
    {
        var text = new StringBuilder();
        Section(text, "letterType", taxonomy.LetterTypes.Select(t => new TaxonomyEntry(t.Code, t.Name)));
        Section(text, "urgency", taxonomy.UrgencyClasses);
        Section(text, "security", taxonomy.SecurityClasses);
        Section(text, "register", taxonomy.Registers);
        Section(text, "unit", taxonomy.Units.Select(u => new TaxonomyEntry(u.Code, $"{u.Name} (register {u.Register})")));
        Section(text, "archiveCode", taxonomy.ArchiveCodes);
        Section(text, "dispositionActions", taxonomy.DispositionActions);
        return text.ToString().TrimEnd();
    }

    private static void Section(StringBuilder text, string field, IEnumerable<TaxonomyEntry> entries)
    {
        text.Append("## ").Append(field).Append('\n');
        foreach (var entry in entries)
        {
            text.Append("- ").Append(entry.Code).Append(": ").Append(entry.Name).Append('\n');
        }

        text.Append('\n');
    }
}
