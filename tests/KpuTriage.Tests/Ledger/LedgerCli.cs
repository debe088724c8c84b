using System.Text.Json;
using KpuTriage.Cli;

namespace KpuTriage.Tests.Ledger;

/// <summary>Runs <c>kputriage …</c> in-process as the shell would, and keeps what it printed.</summary>
internal sealed class LedgerCli
{
    public string Output { get; private set; } = "";
    public string Errors { get; private set; } = "";

    /// <summary>An office settings file, as an administrator would point the command at.</summary>
    public static async Task<string> SettingsFileAsync(string folder, string office, string dataDirectory, string? postgres)
    {
        var path = Path.Combine(folder, $"{office}.json");
        var settings = new Dictionary<string, object>
        {
            ["KPUTRIAGE_DATA_DIR"] = dataDirectory,
            ["Storage"] = new { Provider = postgres is null ? "sqlite" : "postgres" },
            ["Ledger"] = new { OfficeId = office },
        };
        if (postgres is not null)
        {
            settings["ConnectionStrings"] = new { Postgres = postgres };
        }

        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(settings));
        return path;
    }

    public async Task<int> RunAsync(params string[] args)
    {
        var (output, error) = (Console.Out, Console.Error);
        using var printed = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(printed);
        Console.SetError(errors);
        try
        {
            return await CliCommands.Build(() => new HttpClient()).Parse(args).InvokeAsync();
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
            Output = printed.ToString();
            Errors = errors.ToString();
        }
    }
}
