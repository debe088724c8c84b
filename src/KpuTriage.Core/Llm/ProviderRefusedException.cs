namespace KpuTriage.Core.Llm;

/// <summary>
/// The provider answered but refused this request (400, 413, 422: the letter too long for the
/// model, a schema the server does not support). Retrying changes nothing, so the letter goes
/// to a clerk with the reason.
/// </summary>
public sealed class ProviderRefusedException : Exception
{
    public ProviderRefusedException()
    {
    }

    public ProviderRefusedException(string message)
        : base(message)
    {
    }

    public ProviderRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
