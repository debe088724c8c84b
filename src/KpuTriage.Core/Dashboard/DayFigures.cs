namespace KpuTriage.Core.Dashboard;

/// <summary>
/// One day of the office's calendar: documents received, model tokens spent (prompt and
/// completion) and their cost, and the agreement of the letters decided that day. Cost is null
/// when any call of the day went to a provider without both prices (unknown, not free).
/// </summary>
public sealed record DayFigures(DateOnly Day, int DocumentsReceived, long PromptTokens, long CompletionTokens, decimal? Cost, AgreementTally Agreement);
