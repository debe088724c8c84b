using System.Security.Cryptography;
using System.Text;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Triage;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Llm;

/// <summary>
/// The engine when a language model is configured. The local engine always runs first — it is
/// cheap, it reads the Sifat that decides where the letter may go, and it is the cross-check.
/// Then: restricted letters stay with an on-premises provider or the local engine; the letter
/// is cut to the token budget, masked for a cloud provider, answered from the cache or by the
/// provider, checked against the taxonomy and the text, restored, and merged with the parser.
/// </summary>
public sealed class ModelEngine(
    LocalEngine local, Taxonomy taxonomy, ChatProviders providers, ActivePrompts activePrompts, ModelCallStore calls, LlmOptions options, TimeProvider clock, ILogger<ModelEngine> log) : ITriageEngine
{
    public const string EngineName = "llm";

    private readonly LetterBudget budget = new(options.MaxLetterTokens);

    public Task<EngineProposal> ProposeAsync(IReadOnlyList<ExtractedPage> pages, CancellationToken cancellationToken) =>
        ProposeAsync(pages, activePrompts.CurrentAsync, cancellationToken);

    /// <summary>
    /// A replay: the letter proposed under the given version, through the same routing, masking,
    /// budget and answer cache as a live letter, so the scores are what that version would do live.
    /// </summary>
    public Task<EngineProposal> ProposeAsync(IReadOnlyList<ExtractedPage> pages, ActivePrompt prompt, CancellationToken cancellationToken) =>
        ProposeAsync(pages, _ => Task.FromResult(prompt), cancellationToken);

    // The version is looked up only once the letter is known to go to a model.
    private async Task<EngineProposal> ProposeAsync(IReadOnlyList<ExtractedPage> pages, Func<CancellationToken, Task<ActivePrompt>> promptFor, CancellationToken cancellationToken)
    {
        var parsed = await local.ProposeAsync(pages, cancellationToken);
        if (parsed.ManualTriageReason is not null)
        {
            return parsed;
        }

        var security = parsed.Fields.Security.Value;
        var restricted = security is not null && security != taxonomy.DefaultSecurity;
        if (providers.For(restricted) is not { } provider)
        {
            return parsed with { Warnings = [.. parsed.Warnings, $"security '{security}': the letter stays on the premises, so no language model saw it"] };
        }

        var prompt = await promptFor(cancellationToken);
        var letter = budget.Fit(pages);
        var mask = provider.Options.IsCloud ? PersonalDataMask.Apply(letter.Text) : null;
        var signs = InjectionDetector.Scan(letter.Text);
        var flagged = parsed with { InjectionSigns = signs, Warnings = [.. Flag(signs), .. parsed.Warnings] };
        var key = CacheKey(prompt.Prompts, provider, letter.Text);
        var cached = await calls.FindAsync(key, cancellationToken);
        ModelCall call;
        if (cached is not null)
        {
            call = cached;
        }
        else
        {
            try
            {
                call = await AskAsync(prompt, provider, letter, mask, pages.Count, key, cancellationToken);
            }
            catch (ProviderRefusedException e)
            {
                // The letter reached the provider all the same: the proposal says which one.
                return flagged with { ManualTriageReason = e.Message, Call = new ModelUse(provider.Name, provider.Location, null, 0, 0, false) };
            }
        }

        var use = new ModelUse(provider.Name, provider.Location, call.Id, cached is null ? call.PromptTokens : 0, cached is null ? call.CompletionTokens : 0, cached is not null);
        var reading = prompt.Reader.Read(call.Answer, call.FinishReason);
        if (reading.Answer is not { } answer)
        {
            log.LogWarning("The answer of provider {Provider} does not fit: {Reason}", provider.Name, reading.Unfit);
            return flagged with { ManualTriageReason = reading.Unfit, Call = use };
        }

        var warnings = new List<string>();
        var fields = AnswerFields.From(answer, pages, mask, prompt.Taxonomy, warnings);
        var (merged, disagreements) = ParserCrossCheck.Merge(fields, parsed.Fields);
        var (doubted, ocrWarnings) = OcrDoubt.Apply(merged, pages);
        return new EngineProposal(
            doubted, EngineName, call.Model, prompt.Prompts.Version,
            // Disagreements travel as data (the desk shows both readings in the clerk's language), not as notes.
            [.. Flag(signs), .. warnings, .. ocrWarnings])
        {
            Call = use,
            InjectionSigns = signs,
            Disagreements = disagreements,
        };
    }

    private async Task<ModelCall> AskAsync(ActivePrompt prompt, ChatProvider provider, BudgetedLetter letter, PersonalDataMask? mask, int pages, string key, CancellationToken ct)
    {
        var completed = await prompt.Chat.AskAsync(provider, letter, mask?.Text ?? letter.Text, pages, ct);
        var call = new ModelCall
        {
            CacheKey = key,
            Provider = provider.Name,
            Location = provider.Location,
            Model = completed.Model,
            PromptName = PromptSet.Name,
            PromptHash = prompt.Prompts.Hash,
            PromptTokens = completed.PromptTokens,
            CompletionTokens = completed.CompletionTokens,
            DurationMs = (long)completed.Duration.TotalMilliseconds,
            FinishReason = completed.FinishReason,
            Answer = completed.Content,
            CreatedAt = clock.GetUtcNow(),
        };

        // Paid for: recorded now, so a failure further on is retried from this answer, not with a second call.
        await calls.SaveAsync(call, CancellationToken.None);
        return call;
    }

    /// <summary>What decides the answer: the prompt version, the provider and its model, the answer limit and the letter as cut.</summary>
    private string CacheKey(PromptSet prompts, ChatProvider provider, string letter)
    {
        var material = $"{prompts.Version}\n{provider.Name}\n{provider.Model}\n{options.MaxAnswerTokens}\n{letter}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    private static IEnumerable<string> Flag(IReadOnlyList<string> signs) =>
        signs.Select(s => $"the letter contains text aimed at the AI: {s}");
}
