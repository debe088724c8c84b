using System.CommandLine;
using Spectre.Console;

namespace KpuTriage.Cli.Users;

/// <summary><c>kputriage keys …</c>: integration API keys on the server; a new key is printed once, alone on the last line.</summary>
public static class KeysCommand
{
    public static Command Build()
    {
        var settings = new Option<string?>("--settings") { Description = CliText.Get("settings-file") };
        var name = new Argument<string>("name") { Description = CliText.Get("keys-name") };
        var list = new Command("list", CliText.Get("keys-list")) { settings };
        list.SetAction((parse, ct) => UsersCommand.RunAsync(parse.GetValue(settings), async accounts =>
        {
            var table = new Table().AddColumns(CliText.Get("col-key"), CliText.Get("col-state"));
            foreach (var key in await accounts.ApiKeysAsync(ct))
            {
                table.AddRow(Markup.Escape(key.Name), key.Revoked ? CliText.Get("revoked") : CliText.Get("active"));
            }

            AnsiConsole.Write(table);
        }, ct));
        var add = new Command("add", CliText.Get("keys-add")) { name, settings };
        add.SetAction((parse, ct) => UsersCommand.RunAsync(parse.GetValue(settings), async accounts =>
        {
            var key = await accounts.CreateApiKeyAsync(parse.GetValue(name)!.Trim(), null, ct);
            AnsiConsole.WriteLine(CliText.Get("keys-added", parse.GetValue(name)!));
            // Alone on its line, so a script can take it with tail -1.
            Console.WriteLine(key);
        }, ct));
        var revoke = new Command("revoke", CliText.Get("keys-revoke")) { name, settings };
        revoke.SetAction((parse, ct) => UsersCommand.RunAsync(parse.GetValue(settings), async accounts =>
        {
            if (!await accounts.RevokeApiKeyAsync(parse.GetValue(name)!, ct))
            {
                throw new ArgumentException(CliText.Get("keys-unknown", parse.GetValue(name)!));
            }

            AnsiConsole.WriteLine(CliText.Get("keys-revoked", parse.GetValue(name)!));
        }, ct));
        return new Command("keys", CliText.Get("keys")) { list, add, revoke };
    }
}
