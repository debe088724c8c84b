using KpuTriage.Core.Extraction;

namespace KpuTriage.Web.Documents;

/// <summary>
/// What was read of a document: how, how many pages, and whether its text was cut
/// (<paramref name="Truncation"/> says where, and which of Extraction:MaxPageChars or MaxTextChars did it).
/// </summary>
public sealed record TextResponse(string Method, int Pages, bool Truncated, string? Truncation)
{
    public static TextResponse From(DocumentText text) => new(text.Method, text.PageCount, text.Truncation is not null, text.Truncation);
}
