using System.Globalization;

namespace KpuTriage.Core.Refusals;

/// <summary>
/// A request refused for a reason the person can act on, in both languages of the product:
/// the desk and the command line show <see cref="Text"/> in the person's language, the API and
/// the logs carry <see cref="Message"/> (English) and <see cref="Code"/>. Made only by the
/// catalogues of each feature (<c>DecisionRefusals</c>, <c>AccountRefusals</c>), so every
/// reason has its two texts side by side.
/// </summary>
public sealed record Refusal(string Code, string IndonesianTemplate, string EnglishTemplate, IReadOnlyList<object> Args)
{
    public string Message => Format(EnglishTemplate, Args);

    /// <param name="indonesian">Bahasa Indonesia (the default) or English.</param>
    /// <param name="show">How an argument is written for a person, e.g. a field name as its label or a time in the office's zone.</param>
    public string Text(bool indonesian, Func<object, object>? show = null) =>
        Format(indonesian ? IndonesianTemplate : EnglishTemplate, show is null ? Args : Args.Select(show).ToList());

    public override string ToString() => Message;

    private static string Format(string template, IReadOnlyList<object> args) =>
        string.Format(CultureInfo.InvariantCulture, template, [.. args]);
}

/// <summary>An operation refused with a <see cref="Refusal"/>; an <see cref="ArgumentException"/> for callers that only want the English.</summary>
public sealed class RefusedException(Refusal refusal) : ArgumentException(refusal.Message)
{
    public Refusal Refusal { get; } = refusal;
}
