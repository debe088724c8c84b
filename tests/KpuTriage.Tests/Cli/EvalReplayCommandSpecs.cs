using System.Text.Json;
using KpuTriage.Cli;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Prompts;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Tests.Llm;
using KpuTriage.Tests.Prompts;
using Spectre.Console;

namespace KpuTriage.Tests.Cli;

/// <summary>
/// <c>kputriage eval --prompt-version N</c> against a running office's database: the command
/// replays the draft in its own process, prints the draft beside the active version, and the
/// run it stores is the one the desk lists.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class EvalReplayCommandSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private ReplayDesk replay = null!;
    private string settings = "";

    public async Task InitializeAsync()
    {
        replay = await ReplayDesk.StartAsync(data.Path, postgres: null);
        settings = Path.Combine(data.Path, "office.json");
        var office = LlmDesk.Merge(LlmDesk.Provider("kantor", replay.Fake, ProviderLocations.OnPremises), new Dictionary<string, string>
        {
            ["KPUTRIAGE_DATA_DIR"] = data.Path,
            ["Storage:Provider"] = "sqlite",
            ["Prompts:Directory"] = replay.PromptsFolder,
        });
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(office));
    }

    public async Task DisposeAsync()
    {
        await replay.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_print_each_fields_accuracy_of_the_draft_beside_the_active_version_and_store_the_run_the_desk_lists()
    {
        await replay.DecideAsync(1, "surat_dinas");
        await replay.DecideAsync(2, "undangan");
        await replay.DecideAsync(3, "undangan", letterNumber: "9/Y");
        await replay.DecideAsync(4, "surat_edaran");
        var draft = await replay.DraftAsync();
        var json = Path.Combine(data.Path, "replay.json");

        var (exitCode, output, errors) = await RunAsync("eval", "--prompt-version", $"{draft}", "--gold-size", "4", "--settings", settings, "--json", json);

        Assert.True(exitCode == 0, errors + output);
        var run = Assert.Single(await replay.WithReplaysAsync(r => r.ForVersionAsync(draft, CancellationToken.None)));
        Assert.Equal((ReplayRunState.Finished, "command:" + Environment.UserName, 1), (run.State, run.RequestedBy, run.ActiveNumber));
        Assert.Contains(run.Id.ToString(), output, StringComparison.Ordinal);
        // The hand count of ReplaySpecs: letter type 3 of 6 under the draft, 2 of 6 under the active version.
        Assert.Matches(@"letterType\W+6\W+50\.0 % \(3/6\)\W+33\.3 % \(2/6\)\W+\+1", output);
        Assert.Matches(@"letterNumber\W+6\W+83\.3 % \(5/6\)\W+83\.3 % \(5/6\)\W+=", output);
        var result = run.Result()!;
        Assert.Matches($@"draf v{draft}\W+6 \(0\)\W+{result.Draft.PromptTokens}\W+{result.Draft.CompletionTokens}", output);
        Assert.Equal(6, JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement.GetProperty("letters").GetArrayLength());
    }

    [Fact]
    public async Task Should_exit_with_2_and_say_why_when_the_version_asked_for_is_the_active_one()
    {
        var (exitCode, _, errors) = await RunAsync("eval", "--prompt-version", "1", "--settings", settings);

        Assert.Equal(2, exitCode);
        Assert.Contains("versi prompt 1 adalah versi aktif", errors, StringComparison.Ordinal);
        Assert.Empty(await replay.WithReplaysAsync(r => r.ForVersionAsync(1, CancellationToken.None)));
    }

    [Fact]
    public async Task Should_exit_with_2_when_neither_a_folder_nor_a_prompt_version_is_given()
    {
        var (exitCode, _, errors) = await RunAsync("eval");

        Assert.Equal(2, exitCode);
        Assert.Contains("--prompt-version", errors, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        var (console, error) = (AnsiConsole.Console, Console.Error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var captured = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        captured.Profile.Width = 200;
        AnsiConsole.Console = captured;
        Console.SetError(errors);
        try
        {
            var exitCode = await CliCommands.Build(() => new HttpClient()).Parse(args).InvokeAsync();
            return (exitCode, output.ToString(), errors.ToString());
        }
        finally
        {
            AnsiConsole.Console = console;
            Console.SetError(error);
        }
    }
}
