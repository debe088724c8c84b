using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Evaluation;

/// <summary>
/// Letter numbers with a handwritten part, scored for what matters with them: the number read
/// whole, or its printed part right with the gap marked and shown as uncertain (below
/// <see cref="ProposedField.LowConfidence"/>), and how many came out as a different complete
/// number — invented, the one failure a clerk may not notice.
/// </summary>
public sealed record HandwrittenNumberScore(int Letters, int Exact, int PrintedPartMarked, int Invented)
{
    /// <summary>Exact or printed part marked uncertain, as a share of the letters; null when none.</summary>
    public double? Share => Letters == 0 ? null : (double)(Exact + PrintedPartMarked) / Letters;

    public static HandwrittenNumberScore? From(IReadOnlyCollection<ScoredLetter> letters)
    {
        var handwritten = letters.Where(l => l.Label.HandwrittenNumber).ToList();
        if (handwritten.Count == 0)
        {
            return null;
        }

        int exact = 0, marked = 0, invented = 0;
        foreach (var letter in handwritten)
        {
            var outcome = letter.Outcome(FieldComparison.LetterNumber);
            var proposed = letter.Proposed.GetValueOrDefault(FieldComparison.LetterNumber);
            var uncertain = letter.Confidence(FieldComparison.LetterNumber) < ProposedField.LowConfidence;
            if (outcome.Normalised)
            {
                exact++;
            }
            else if (uncertain && GapNumber.PrintedPartMatches(proposed, outcome.Expected))
            {
                marked++;
            }
            else if (!string.IsNullOrWhiteSpace(proposed) && !GapNumber.HasGap(proposed))
            {
                invented++;
            }
        }

        return new HandwrittenNumberScore(handwritten.Count, exact, marked, invented);
    }
}
