using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// One prompt version as the engine uses it: the prompts, and the chat and the answer checks
/// built from the version's own taxonomy, so the model is shown, offered (the schema's enums)
/// and held to (the reader) the same codes.
/// </summary>
public sealed record ActivePrompt(int Number, PromptSet Prompts, Taxonomy Taxonomy, TriageChat Chat, AnswerReader Reader);
