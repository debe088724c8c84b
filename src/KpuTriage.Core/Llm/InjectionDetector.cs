using System.Text.RegularExpressions;

namespace KpuTriage.Core.Llm;

/// <summary>
/// Finds text in a letter that speaks to the AI rather than to the office: requests to ignore
/// the instructions ("abaikan instruksi sebelumnya", "ignore previous instructions"), role-play
/// ("kamu sekarang adalah…", "act as…"), chat-role tags, forged answer JSON, and orders about
/// how to classify the letter. Detection does not protect by itself — the letter only ever
/// enters as delimited data and the schema confines every coded answer — it tells the clerk
/// that the letter tried, so the proposal is read with suspicion.
/// </summary>
public static partial class InjectionDetector
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private static readonly (string Sign, Regex Pattern)[] Signs =
    [
        ("asks to ignore the instructions", IgnoreInstructions()),
        ("asks to ignore the instructions", AbaikanInstruksi()),
        ("asks the model to play a role", RolePlay()),
        ("asks the model to play a role", BerperanSebagai()),
        ("addresses the AI", AddressesAi()),
        ("mentions the system prompt or new instructions", SystemPrompt()),
        ("contains chat-role tags", RoleTags()),
        ("contains JSON shaped like an answer", AnswerJson()),
        ("dictates how the letter is to be classified", DictatesClassification()),
        ("forges the letter's delimiters", Delimiters()),
    ];

    /// <summary>The signs found, each once, with the words that showed it.</summary>
    public static IReadOnlyList<string> Scan(string text)
    {
        var found = new List<string>();
        foreach (var (sign, pattern) in Signs)
        {
            var match = pattern.Match(text);
            if (match.Success && !found.Any(f => f.StartsWith(sign, StringComparison.Ordinal)))
            {
                var quote = match.Value.Length > 60 ? match.Value[..60] + "…" : match.Value;
                found.Add($"{sign}: '{quote.ReplaceLineEndings(" ")}'");
            }
        }

        return found;
    }

    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass)\b[\w\s,]{0,30}?\b(previous|prior|above|earlier|all|any|your|the|system)\b[\w\s]{0,20}?\b(instructions?|rules?|prompts?|directions?|guidelines?)\b", Options)]
    private static partial Regex IgnoreInstructions();

    [GeneratedRegex(@"\b(abaikan|lupakan|hiraukan|acuhkan|tinggalkan|langgar)\b[\w\s,]{0,30}?\b(instruksi|perintah|aturan|petunjuk|arahan|prompt)\b", Options)]
    private static partial Regex AbaikanInstruksi();

    [GeneratedRegex(@"\b(you are now|from now on,? you|act as (an?|the)\b|pretend (to be|you are)|role-?play|you will play|stay in character|developer mode|jailbreak|\bDAN\b mode)", Options)]
    private static partial Regex RolePlay();

    [GeneratedRegex(@"\b((kamu|anda|engkau)\s+(sekarang|kini|mulai sekarang)\s+(adalah|menjadi|berperan)|berperan(lah)?\s+sebagai|bertindak(lah)?\s+sebagai|mulai sekarang (kamu|anda))\b", Options)]
    private static partial Regex BerperanSebagai();

    [GeneratedRegex(@"\b((dear|hello|hi|hai|halo|kepada|untuk|wahai)\s+(the\s+)?(AI|A\.I\.|asisten (AI|virtual)|AI assistant|assistant|chatbot|model bahasa|language model|LLM|GPT|ChatGPT|Copilot)|as an AI\b|sebagai (sebuah )?(AI|model bahasa|kecerdasan buatan)|(AI|LLM|language model|model bahasa|kecerdasan buatan) (yang )?(membaca|reading|processing|memproses))\b", Options)]
    private static partial Regex AddressesAi();

    [GeneratedRegex(@"\b(system prompt|prompt sistem|new instructions?|instruksi baru|perintah baru|updated instructions|hidden instructions?|instruksi tersembunyi)\b", Options)]
    private static partial Regex SystemPrompt();

    [GeneratedRegex(@"(<\|?(im_start|im_end|system|assistant|user)\|?>|</?(system|assistant|instructions?)>|\[/?(INST|SYS)\]|^\s*#{2,}\s*(system|instruction|assistant)\b|^\s*(system|assistant)\s*:)", Options | RegexOptions.Multiline)]
    private static partial Regex RoleTags();

    [GeneratedRegex(@"\{\s*""?(letterType|urgency|security|register|unit|archiveCode|letterNumber|perihal|value|confidence|role|content|dispositionActions)""?\s*:", Options)]
    private static partial Regex AnswerJson();

    [GeneratedRegex(@"\b((classify|mark|label|register|treat|set)\s+(this|the)\s+(letter|document|urgency|security)\b[\w\s]{0,20}?\b(as|to)\b|(klasifikasikan|tandai|golongkan|catat|anggap)(lah)?\s+surat\s+ini\s+(sebagai|dengan)|(setel|tetapkan|isi)\s+(sifat|urgensi|kode|unit|register)\b)", Options)]
    private static partial Regex DictatesClassification();

    [GeneratedRegex(@"(<<<\s*SURAT|SURAT\s+[0-9a-f]{4,}\s*>>>)", Options)]
    private static partial Regex Delimiters();
}
