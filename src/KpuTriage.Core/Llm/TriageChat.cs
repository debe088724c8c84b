using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography;
using Polly.RateLimiting;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ChatMessageContent = Microsoft.SemanticKernel.ChatMessageContent;

namespace KpuTriage.Core.Llm;

/// <summary>
/// The one language-model task: a letter in, the triage answer out, through Semantic Kernel
/// with the taxonomy's JSON schema as a strict response format. The chat is built by hand,
/// not from an SK template: a template would interpret "{{…}}" written in the letter, and the
/// letter must stay data. It goes into the user template between markers carrying a random
/// nonce the letter cannot know, after any marker-like text in it has been defused.
/// </summary>
public sealed class TriageChat(PromptSet prompts, LlmOptions options, string schemaJson)
{
    private const double Temperature = 0;

    /// <summary>Calls the provider; a provider that cannot answer (after the resilience layer) throws <see cref="ProviderUnavailableException"/>.</summary>
    /// <exception cref="ProviderRefusedException">The provider refused the request itself (400-class other than 408/429).</exception>
    public async Task<CompletedCall> AskAsync(ChatProvider provider, BudgetedLetter letter, string maskedText, int pages, CancellationToken cancellationToken)
    {
        var history = History(maskedText, pages, letter.CutCharacters);
        var estimate = letter.Tokens + LetterBudget.Count(prompts.System) + (prompts.Examples.Count * 900) + options.MaxAnswerTokens;
        using var slot = await provider.Throttle.EnterAsync(estimate, cancellationToken);
        var clock = Stopwatch.StartNew();
        ChatMessageContent answer;
        try
        {
            answer = await provider.Chat.GetChatMessageContentAsync(history, Settings(provider), kernel: null, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsOutage(e))
        {
            throw new ProviderUnavailableException($"language model provider '{provider.Name}' is unavailable: {Describe(e)}", e);
        }
        catch (HttpOperationException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderRefusedException($"language model provider '{provider.Name}' refused the request: {Describe(e)}", e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not ProviderUnavailableException)
        {
            // A 200 whose body is no chat completion (a proxy's error page, a half-compatible server).
            throw new ProviderRefusedException($"the answer of language model provider '{provider.Name}' could not be read: {Describe(e)}", e);
        }

        var usage = answer.Metadata?.GetValueOrDefault("Usage") as ChatTokenUsage;
        return new CompletedCall(
            answer.Content ?? string.Empty,
            answer.Metadata?.GetValueOrDefault("FinishReason")?.ToString(),
            // The model the provider says answered (a dated version), not just the name asked for.
            (answer.InnerContent as ChatCompletion)?.Model ?? answer.ModelId ?? provider.Model,
            usage?.InputTokenCount ?? 0,
            usage?.OutputTokenCount ?? 0,
            clock.Elapsed);
    }

    private ChatHistory History(string letter, int pages, int cutCharacters)
    {
        var history = new ChatHistory(prompts.System);
        foreach (var example in prompts.Examples)
        {
            history.AddUserMessage(UserMessage(example.Letter, pages: 1, cutCharacters: 0));
            history.AddAssistantMessage(example.Answer);
        }

        history.AddUserMessage(UserMessage(letter, pages, cutCharacters));
        return history;
    }

    private string UserMessage(string letter, int pages, int cutCharacters)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var cutNote = cutCharacters > 0
            ? $" The letter was too long: its beginning and end are given, and the marked middle part ({cutCharacters} characters) is left out."
            : string.Empty;
        return prompts.User
            .Replace("{{nonce}}", nonce, StringComparison.Ordinal)
            .Replace("{{pages}}", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{cut_note}}", cutNote, StringComparison.Ordinal)
            .Replace("{{letter}}", Defuse(letter), StringComparison.Ordinal);
    }

    // The letter cannot close the data block early: angle-bracket runs lose their meaning.
    private static string Defuse(string letter) => letter.Replace("<<<", "‹‹‹", StringComparison.Ordinal).Replace(">>>", "›››", StringComparison.Ordinal);

    private OpenAIPromptExecutionSettings Settings(ChatProvider provider)
    {
        var format = ChatResponseFormat.CreateJsonSchemaFormat(AnswerSchema.Name, BinaryData.FromString(schemaJson), jsonSchemaIsStrict: true);
        return string.Equals(provider.Options.Kind, ProviderKinds.AzureOpenAi, StringComparison.OrdinalIgnoreCase)
            ? new AzureOpenAIPromptExecutionSettings { ResponseFormat = format, Temperature = Temperature, MaxTokens = options.MaxAnswerTokens }
            : new OpenAIPromptExecutionSettings { ResponseFormat = format, Temperature = Temperature, MaxTokens = options.MaxAnswerTokens };
    }

    /// <summary>What says "the provider is away", as opposed to "the provider refuses this request".</summary>
    private static bool IsOutage(Exception e) => e switch
    {
        HttpOperationException { StatusCode: null } => true,
        HttpOperationException { StatusCode: { } status } => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound || (int)status >= 500,
        ClientResultException { Status: 0 or 408 or 429 or >= 500 } => true,
        BrokenCircuitException or TimeoutRejectedException or RateLimiterRejectedException => true,
        HttpRequestException or SocketException or IOException or OperationCanceledException => true,
        _ when e.InnerException is { } inner => IsOutage(inner),
        _ => false,
    };

    private static string Describe(Exception e)
    {
        var root = e;
        while (root.InnerException is { } inner && root is HttpOperationException or ClientResultException)
        {
            root = inner;
        }

        var text = e is HttpOperationException { StatusCode: { } status } ? $"HTTP {(int)status}: {root.Message}" : $"{root.GetType().Name}: {root.Message}";
        return text.Length > 300 ? text[..300] : text;
    }
}
