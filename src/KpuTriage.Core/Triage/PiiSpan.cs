namespace KpuTriage.Core.Triage;

/// <summary>
/// Personal data found in a letter (UU 27/2022): its kind ("NIK", "NIP", "KK", "phone",
/// "email"), the page (from 1), the character offset in that page's text, and the quote.
/// </summary>
public sealed record PiiSpan(string Kind, int Page, int Start, int Length, string Quote);
