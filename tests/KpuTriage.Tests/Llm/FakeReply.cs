namespace KpuTriage.Tests.Llm;

/// <summary>One scripted answer of the fake: a chat completion with content, an HTTP error, or a raw body; optionally late.</summary>
internal sealed record FakeReply(int StatusCode, string? Content, string? RawBody, string FinishReason = "stop", int? RetryAfterSeconds = null)
{
    public TimeSpan Delay { get; init; }

    public static FakeReply Answer(string content, string finishReason = "stop") => new(200, content, null, finishReason);

    public static FakeReply Status(int code, int? retryAfterSeconds = null) => new(code, null, null, RetryAfterSeconds: retryAfterSeconds);

    /// <summary>A 200 whose body is not a chat completion at all.</summary>
    public static FakeReply Raw(string body) => new(200, null, body);
}
