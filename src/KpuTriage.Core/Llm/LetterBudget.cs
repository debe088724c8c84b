using System.Text;
using KpuTriage.Core.Extraction;
using Microsoft.ML.Tokenizers;

namespace KpuTriage.Core.Llm;

/// <summary>
/// Fits a letter into Llm:MaxLetterTokens. What decides triage sits at the two ends: the kop,
/// Nomor, Sifat, Hal and addressee on the first page, the opening paragraphs that say what is
/// asked, and at the end the signer and Tembusan. So a long letter keeps its beginning (70 %
/// of the budget: header and first pages) and its end (30 %: the tail of the last page), cut
/// at line breaks, with a marker saying how much of the middle was left out — annexes, tables
/// and lists of names, which cost most and decide least. Tokens are counted with o200k (the
/// GPT-4o family); for other models the count is an estimate, so the budget has headroom.
/// </summary>
public sealed class LetterBudget(int maxTokens)
{
    private const double HeadShare = 0.7;

    private static readonly Lazy<Tokenizer> Tokens = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string text) => Tokens.Value.CountTokens(text);

    public BudgetedLetter Fit(IReadOnlyList<ExtractedPage> pages)
    {
        var text = new StringBuilder();
        foreach (var page in pages)
        {
            text.Append("--- halaman ").Append(page.Number).Append(" ---\n").Append(page.Text?.TrimEnd()).Append('\n');
        }

        var whole = text.ToString();
        var total = Count(whole);
        if (total <= maxTokens)
        {
            return new BudgetedLetter(whole, total, CutCharacters: 0);
        }

        var tokenizer = Tokens.Value;
        var headEnd = LineStart(whole, tokenizer.GetIndexByTokenCount(whole, (int)(maxTokens * HeadShare), out _, out _), backwards: true);
        var tailStart = LineStart(whole, tokenizer.GetIndexByTokenCountFromEnd(whole, (int)(maxTokens * (1 - HeadShare)), out _, out _), backwards: false);
        if (tailStart <= headEnd)
        {
            return new BudgetedLetter(whole, total, CutCharacters: 0);
        }

        var cut = tailStart - headEnd;
        var kept = string.Concat(whole.AsSpan(0, headEnd), $"\n[… {cut} karakter di tengah surat tidak dikirim …]\n", whole.AsSpan(tailStart));
        return new BudgetedLetter(kept, Count(kept), cut);
    }

    private static int LineStart(string text, int index, bool backwards)
    {
        index = Math.Clamp(index, 0, text.Length);
        var newline = backwards ? text.LastIndexOf('\n', Math.Max(0, index - 1)) : text.IndexOf('\n', index);
        return newline < 0 ? index : newline + 1;
    }
}
