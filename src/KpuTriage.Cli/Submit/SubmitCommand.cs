using System.CommandLine;

namespace KpuTriage.Cli.Submit;

/// <summary><c>kputriage submit &lt;file|folder&gt;…</c>: uploads files to a running desk over its HTTP API with an integration key.</summary>
public static class SubmitCommand
{
    public static Command Build(Func<HttpClient> httpClients)
    {
        var paths = new Argument<string[]>("paths") { Description = CliText.Get("paths"), Arity = ArgumentArity.OneOrMore };
        var url = new Option<string>("--url")
        {
            Description = CliText.Get("url"),
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KPUTRIAGE_URL") ?? "http://127.0.0.1:5080",
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = CliText.Get("api-key"),
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KPUTRIAGE_API_KEY"),
        };
        var source = new Option<string?>("--source") { Description = CliText.Get("source") };
        var parallel = new Option<int>("--parallel") { Description = CliText.Get("parallel"), DefaultValueFactory = _ => 4 };
        var command = new Command("submit", CliText.Get("submit")) { paths, url, apiKey, source, parallel };
        command.SetAction(async (parse, ct) =>
        {
            var key = parse.GetValue(apiKey);
            if (string.IsNullOrEmpty(key))
            {
                await Console.Error.WriteLineAsync(CliText.Get("need-key"));
                return 2;
            }

            var files = FileSelection.Expand(parse.GetValue(paths) ?? [], out var missing);
            foreach (var path in missing)
            {
                await Console.Error.WriteLineAsync(CliText.Get("not-found", path));
            }

            using var http = httpClients();
            http.BaseAddress = new Uri(parse.GetValue(url)!);
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            var uploader = new Uploader(http, parse.GetValue(source));
            var results = await SubmitProgress.RunAsync(files, uploader, Math.Max(1, parse.GetValue(parallel)), ct);
            SubmitProgress.Report(results);
            return missing.Count > 0 || results.Any(r => !r.Accepted) ? 1 : 0;
        });
        return command;
    }
}
