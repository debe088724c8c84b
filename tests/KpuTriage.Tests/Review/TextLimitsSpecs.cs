using KpuTriage.Core.Review;

namespace KpuTriage.Tests.Review;

/// <summary>What a decision's free text may hold, and how the propose stage makes a machine's value fit.</summary>
public sealed class TextLimitsSpecs
{
    private static readonly TextLimits Limits = new(Text: 20, Summary: 40);

    [Theory]
    [InlineData("perihal", "Rapat\u0000Pleno", "invalid-character")]
    [InlineData("perihal", "Rapat \u202Eonelp", "invalid-character")]
    [InlineData("perihal", "Rapat Pleno KPU Purwakarta", "too-long")]
    public void Should_refuse_a_value_a_decision_cannot_commit(string field, string value, string code)
    {
        Assert.Equal(code, Limits.Problem(field, value)?.Code);
    }

    [Fact]
    public void Should_refuse_a_lone_surrogate_that_no_database_can_store()
    {
        // Built here: theory data would be serialised, and a lone surrogate does not survive that.
        var broken = "KPU " + (char)0xD800 + "Jabar";

        Assert.Equal("invalid-character", Limits.Problem("sender", broken)?.Code);
    }

    [Theory]
    [InlineData("perihal", "Rapat\nPleno")]
    [InlineData("summary", "Rapat pleno KPU \U0001F5F3.")]
    public void Should_take_line_breaks_and_whole_surrogate_pairs_within_the_limit(string field, string value)
    {
        Assert.Null(Limits.Problem(field, value));
    }

    [Fact]
    public void Should_cut_a_proposed_value_to_its_limit_without_splitting_a_character()
    {
        var ten = new TextLimits(Text: 10, Summary: 20);
        var (value, cleaned, cut) = ten.Bound("perihal", "Rapat\u0000 \U0001F5F3\U0001F5F3\U0001F5F3\U0001F5F3");

        Assert.Equal("Rapat \U0001F5F3…", value);
        Assert.Null(ten.Problem("perihal", value));
        Assert.True(cleaned);
        Assert.True(cut);
    }
}
