using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Llm;

/// <summary>A language-model setting that is missing or unsafe stops the start, naming the key.</summary>
public sealed class LlmStartupSpecs
{
    [Theory]
    [InlineData("Llm:Providers:kantor:Model", "", "Llm:Providers:kantor:Model")]
    [InlineData("Llm:Providers:kantor:Location", "", "Llm:Providers:kantor:Location")]
    [InlineData("Llm:Providers:kantor:Kind", "gemini", "Llm:Providers:kantor:Kind")]
    [InlineData("Llm:RestrictedLetters", "nowhere", "Llm:RestrictedLetters")]
    [InlineData("Llm:Providers:kantor:PricePerMillionCompletionTokens", "-0.5", "Llm:Providers:kantor:PricePerMillionCompletionTokens")]
    [InlineData("Llm:CostCurrency", " ", "Llm:CostCurrency")]
    public async Task Should_refuse_to_start_and_name_the_key_when_a_language_model_setting_is_wrong(string key, string value, string named)
    {
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string>
        {
            ["Llm:Providers:kantor:Kind"] = "openai-compatible",
            ["Llm:Providers:kantor:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Llm:Providers:kantor:Model"] = "llama3.1",
            ["Llm:Providers:kantor:Location"] = "on-premises",
            [key] = value,
        };

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path, Extra = settings });
        });

        Assert.NotNull(error);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_cloud_provider_for_restricted_letters()
    {
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string>
        {
            ["Llm:Providers:awan:Kind"] = "openai",
            ["Llm:Providers:awan:ApiKey"] = "sk-test",
            ["Llm:Providers:awan:Model"] = "gpt-4o-mini",
            ["Llm:Providers:awan:Location"] = "cloud",
            ["Llm:RestrictedLetters"] = "awan",
        };

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path, Extra = settings });
        });

        Assert.NotNull(error);
        Assert.Contains("never leave the premises", error.Message, StringComparison.Ordinal);
    }
}
