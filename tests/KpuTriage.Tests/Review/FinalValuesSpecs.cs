using System.Text.Json;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;

namespace KpuTriage.Tests.Review;

public sealed class FinalValuesSpecs
{
    private static readonly Taxonomy Taxonomy = Taxonomy.Load(Path.Combine(AppContext.BaseDirectory, "prompts"));

    private static LetterFields Proposed() => new()
    {
        LetterNumber = new("12/PL.02.1-Und/32/2025", 0.9, null),
        Sender = new("KPU Provinsi Jawa Barat", 0.8, null),
        Perihal = new("Undangan Rapat", 0.9, null),
        Urgency = new("segera", 0.9, null),
        Security = new("biasa", 0.3, null),
        LetterType = new(Taxonomy.LetterTypes[0].Code, 0.7, null),
    };

    [Fact]
    public void Should_record_only_changed_fields_when_a_clerk_corrects_one()
    {
        var (values, error) = FinalValues.Build(Proposed(), new Dictionary<string, string?> { ["perihal"] = "Undangan Rapat Pleno" }, Taxonomy);

        Assert.Null(error);
        Assert.Equal("Undangan Rapat Pleno", values!["perihal"]);
        var diff = JsonDocument.Parse(values.DiffJson).RootElement;
        Assert.Equal("Undangan Rapat", diff.GetProperty("perihal").GetProperty("proposed").GetString());
        Assert.Single(diff.EnumerateObject());
    }

    [Theory]
    [InlineData("nomorSurat", "x", "unknown-field", "unknown field")]
    [InlineData("perihal", "", "field-required", "perihal is required")]
    [InlineData("urgency", "kilat_sekali", "not-in-taxonomy", "not a valid urgency")]
    [InlineData("letterDate", "12 Maret 2025", "date-format", "yyyy-MM-dd")]
    public void Should_refuse_with_a_reason_when_a_correction_is_invalid(string field, string value, string code, string reason)
    {
        var (values, error) = FinalValues.Build(Proposed(), new Dictionary<string, string?> { [field] = value }, Taxonomy);

        Assert.Null(values);
        Assert.Equal(code, error!.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_require_the_clerk_to_fill_every_register_field_when_there_was_no_proposal()
    {
        var (values, error) = FinalValues.Build(null, new Dictionary<string, string?> { ["perihal"] = "Pengaduan" }, Taxonomy);

        Assert.Null(values);
        Assert.Equal("field-required", error!.Code);
    }
}
