using System.ComponentModel.DataAnnotations;
using KpuTriage.Core.Review;

namespace KpuTriage.Tests.Review;

/// <summary>The review's bounds are settings checked at start; a wrong one names its key.</summary>
public sealed class ReviewOptionsSpecs
{
    [Fact]
    public void Should_accept_the_defaults()
    {
        Assert.Empty(Problems(new ReviewOptions()));
    }

    [Theory]
    [InlineData(10, 2000, 256 * 1024, "Review:MaxTextLength")]
    [InlineData(400, 100, 256 * 1024, "Review:MaxSummaryLength")]
    [InlineData(400, 2000, 1024, "Review:MaxDecisionBytes")]
    [InlineData(4000, 20_000, 256 * 1024, "Review:MaxDecisionBytes")]
    public void Should_name_the_key_when_a_bound_is_wrong(int text, int summary, long bytes, string key)
    {
        var problems = Problems(new ReviewOptions { MaxTextLength = text, MaxSummaryLength = summary, MaxDecisionBytes = bytes });

        Assert.Contains(problems, p => p.StartsWith(key, StringComparison.Ordinal));
    }

    private static List<string> Problems(ReviewOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!)];
}
