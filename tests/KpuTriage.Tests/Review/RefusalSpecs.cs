using System.Reflection;
using KpuTriage.Core.People;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Review;

namespace KpuTriage.Tests.Review;

/// <summary>
/// Every reason the product gives a person for refusing exists in both languages, fills in
/// all its arguments, and has a code of its own that programs can rely on.
/// </summary>
public sealed class RefusalSpecs
{
    public static TheoryData<string> Catalogue() => [.. AllRefusals().Select(r => r.Code)];

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Should_say_each_refusal_in_indonesian_and_in_english_with_every_argument(string code)
    {
        var refusal = AllRefusals().Single(r => r.Code == code);

        var indonesian = refusal.Text(indonesian: true);
        var english = refusal.Text(indonesian: false);

        Assert.NotEqual(english, indonesian);
        Assert.Equal(english, refusal.Message);
        foreach (var argument in refusal.Args.OfType<string>())
        {
            Assert.Contains(argument, indonesian, StringComparison.Ordinal);
            Assert.Contains(argument, english, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_give_every_refusal_a_code_of_its_own()
    {
        var codes = AllRefusals().Select(r => r.Code).ToList();

        Assert.True(codes.Count >= 20, $"only {codes.Count} refusals found: the catalogue scan is broken");
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Should_show_an_argument_as_the_caller_says_when_it_is_a_field_or_a_time()
    {
        var until = new DateTimeOffset(2025, 3, 12, 3, 30, 0, TimeSpan.Zero);
        var refusal = DecisionRefusals.HeldByOther("siti", until);

        var shown = refusal.Text(indonesian: true, a => a is DateTimeOffset t ? t.ToOffset(TimeSpan.FromHours(7)) : a);

        Assert.Equal("siti sedang membuka butir ini sampai pukul 10:30 (UTC+07:00).", shown);
        Assert.Equal("siti has this item open until 03:30 (UTC+00:00).", refusal.Message);
    }

    /// <summary>Each catalogue method called with sample arguments; a new method is covered without listing it here.</summary>
    private static IEnumerable<Refusal> AllRefusals() =>
        new[] { typeof(DecisionRefusals), typeof(AccountRefusals) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(Refusal))
            .Select(m => (Refusal)m.Invoke(null, m.GetParameters().Select(Sample).ToArray())!);

    private static object Sample(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => $"<{parameter.Name}>",
        var t when t == typeof(int) => 400,
        var t when t == typeof(DateTimeOffset) => new DateTimeOffset(2025, 1, 2, 3, 4, 0, TimeSpan.Zero),
        var t when t == typeof(IEnumerable<string>) => new[] { "<a>", "<b>" },
        var t => throw new InvalidOperationException($"no sample for {t.Name} of {parameter.Member.Name}"),
    };
}
