using KpuTriage.Core.Prompts;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// One prompt version as the engine uses it: the prompts, and the chat and the answer checks
/// built from the version's own taxonomy, so the model is shown, offered (the schema's enums)
/// and held to (the reader) the same codes.
/// </summary>
public sealed record ActivePrompt(int Number, PromptSet Prompts, Taxonomy Taxonomy, TriageChat Chat, AnswerReader Reader)
{
    /// <summary>Builds any stored version: the active one for live letters, a draft or the active one for a replay.</summary>
    public static ActivePrompt From(PromptVersion version, LlmOptions options)
    {
        var source = $"prompt version {version.Number}";
        var taxonomy = Taxonomy.Parse(version.Taxonomy, $"{source} {Taxonomy.FileName}");
        var prompts = PromptSet.From(version.Files(), taxonomy, source);
        return new ActivePrompt(
            version.Number, prompts, taxonomy, new TriageChat(prompts, options, AnswerSchema.Build(taxonomy).ToJsonString()), new AnswerReader(taxonomy));
    }
}
