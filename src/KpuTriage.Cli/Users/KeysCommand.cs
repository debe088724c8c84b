using System.CommandLine;
using KpuTriage.Core.People;
using Spectre.Console;

namespace KpuTriage.Cli.Users;

/// <summary><c>kputriage keys …</c>: integration API keys on the server; a new key is printed once, alone on the last line.</summary>
public static class KeysCommand
{
    public static Command Build()
    {
        var settings = new Option<string?>("--settings") { Description = CliText.Get("settings-file") };
        var name = new Argument<string>("name") { Description = CliText.Get("keys-name") };
        var sources = new Option<string[]>("--source") { Description = CliText.Get("keys-sources"), AllowMultipleArgumentsPerToken = true };
        var list = new Command("list", CliText.Get("keys-list")) { settings };
        list.SetAction((parse, ct) => UsersCommand.RunWithAsync<IntegrationKeys>(parse.GetValue(settings), async keys =>
        {
            var table = new Table().AddColumns(CliText.Get("col-key"), CliText.Get("col-sources"), CliText.Get("col-state"));
            foreach (var key in await keys.ListAsync(ct))
            {
                table.AddRow(Markup.Escape(key.Name), Markup.Escape(string.Join(", ", key.Sources)), key.Revoked ? CliText.Get("revoked") : CliText.Get("active"));
            }

            AnsiConsole.Write(table);
        }, ct));
        var add = new Command("add", CliText.Get("keys-add")) { name, sources, settings };
        add.SetAction((parse, ct) => UsersCommand.RunWithAsync<IntegrationKeys>(parse.GetValue(settings), async keys =>
        {
            var issued = await keys.CreateAsync(parse.GetValue(name)!, parse.GetValue(sources) ?? [], null, ct);
            AnsiConsole.WriteLine(CliText.Get("keys-added", issued.Name, string.Join(", ", issued.Sources)));
            // Alone on its line, so a script can take it with tail -1.
            Console.WriteLine(issued.Secret);
        }, ct));
        var revoke = new Command("revoke", CliText.Get("keys-revoke")) { name, settings };
        revoke.SetAction((parse, ct) => UsersCommand.RunWithAsync<IntegrationKeys>(parse.GetValue(settings), async keys =>
        {
            if (!await keys.RevokeAsync(parse.GetValue(name)!, ct))
            {
                throw new ArgumentException(CliText.Get("keys-unknown", parse.GetValue(name)!));
            }

            AnsiConsole.WriteLine(CliText.Get("keys-revoked", parse.GetValue(name)!));
        }, ct));
        return new Command("keys", CliText.Get("keys")) { list, add, revoke };
    }
}
