namespace KpuTriage.Core.Llm;

/// <summary>
/// A provider could not answer after the HTTP resilience layer gave up: refused connections,
/// 5xx, 429 beyond the retries, timeouts, an open circuit. Not the letter's fault, so the letter
/// is not sent to manual triage: the propose stage pauses and tries it again later.
/// </summary>
public sealed class ProviderUnavailableException : Exception
{
    public ProviderUnavailableException()
    {
    }

    public ProviderUnavailableException(string message)
        : base(message)
    {
    }

    public ProviderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
