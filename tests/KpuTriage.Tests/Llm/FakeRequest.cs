using System.Text.Json;

namespace KpuTriage.Tests.Llm;

/// <summary>A request the fake received: path, raw body, and when.</summary>
internal sealed record FakeRequest(string Path, string Body, DateTimeOffset At)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The last user message: the letter inside the user template.</summary>
    public string Letter => Json.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("role").GetString() == "user")
        .GetProperty("content").ToString();
}
