using System.CommandLine;
using KpuTriage.Core.People;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KpuTriage.Cli.Users;

/// <summary>
/// <c>kputriage users …</c>: the desk's account administration, on the server, for when no admin can sign in (or for scripts). Passwords are
/// read from standard input (--password-stdin) or asked for without echo, never taken as an
/// argument that other users could read from the process list.
/// </summary>
public static class UsersCommand
{
    /// <summary>Who the ledger records for a change made from the server's shell.</summary>
    internal static string Actor => "command:" + Environment.UserName;

    public static Command Build()
    {
        var settings = new Option<string?>("--settings") { Description = CliText.Get("settings-file") };
        var name = new Argument<string>("name") { Description = CliText.Get("users-name") };
        var roles = new Option<string[]>("--role") { Description = CliText.Get("users-roles"), AllowMultipleArgumentsPerToken = true, Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = CliText.Get("users-password-stdin") };

        var list = new Command("list", CliText.Get("users-list")) { settings };
        list.SetAction((parse, ct) => RunAsync(parse.GetValue(settings), async accounts =>
        {
            var table = new Table().AddColumns(CliText.Get("col-user"), CliText.Get("col-roles"), CliText.Get("col-state"));
            foreach (var user in await accounts.UsersAsync(ct))
            {
                table.AddRow(Markup.Escape(user.UserName), Markup.Escape(user.Roles), user.Disabled ? CliText.Get("disabled") : user.External ? "SSO" : CliText.Get("active"));
            }

            AnsiConsole.Write(table);
        }, ct));

        var add = new Command("add", CliText.Get("users-add")) { name, roles, passwordStdin, settings };
        add.SetAction((parse, ct) => RunAsync(parse.GetValue(settings), async accounts =>
        {
            var password = ReadPassword(parse.GetValue(passwordStdin));
            var user = await accounts.CreateUserAsync(parse.GetValue(name)!, password, parse.GetValue(roles)!, Actor, ct);
            AnsiConsole.WriteLine(CliText.Get("users-added", user.UserName, user.Roles));
        }, ct));

        var password = new Command("password", CliText.Get("users-password")) { name, passwordStdin, settings };
        password.SetAction((parse, ct) => RunAsync(parse.GetValue(settings), async accounts =>
        {
            await accounts.SetPasswordAsync(parse.GetValue(name)!, ReadPassword(parse.GetValue(passwordStdin)), Actor, ct);
            AnsiConsole.WriteLine(CliText.Get("users-saved", parse.GetValue(name)!));
        }, ct));

        var setRoles = new Command("roles", CliText.Get("users-set-roles")) { name, roles, settings };
        setRoles.SetAction((parse, ct) => RunAsync(parse.GetValue(settings), async accounts =>
        {
            await accounts.SetRolesAsync(parse.GetValue(name)!, parse.GetValue(roles)!, Actor, ct);
            AnsiConsole.WriteLine(CliText.Get("users-saved", parse.GetValue(name)!));
        }, ct));

        Command Toggle(string verb, bool disabled)
        {
            var command = new Command(verb, CliText.Get("users-" + verb)) { name, settings };
            command.SetAction((parse, ct) => RunAsync(parse.GetValue(settings), async accounts =>
            {
                await accounts.SetDisabledAsync(parse.GetValue(name)!, disabled, Actor, ct);
                AnsiConsole.WriteLine(CliText.Get("users-saved", parse.GetValue(name)!));
            }, ct));
            return command;
        }

        var signOut = new Command("sign-out", CliText.Get("users-sign-out")) { name, settings };
        signOut.SetAction((parse, ct) => RunAsync(parse.GetValue(settings), async accounts =>
        {
            await accounts.SignOutEverywhereAsync(parse.GetValue(name)!, Actor, ct);
            AnsiConsole.WriteLine(CliText.Get("users-saved", parse.GetValue(name)!));
        }, ct));

        return new Command("users", CliText.Get("users")) { list, add, password, setRoles, Toggle("disable", true), Toggle("enable", false), signOut };
    }

    /// <summary>Opens the office, runs one account change, and turns a refusal into its message and exit code (2 refused, 1 cannot run).</summary>
    internal static Task<int> RunAsync(string? settings, Func<AccountService, Task> action, CancellationToken ct) =>
        RunWithAsync(settings, action, ct);

    /// <summary>As <see cref="RunAsync"/>, with the office's <typeparamref name="TService"/> (e.g. its integration keys).</summary>
    internal static async Task<int> RunWithAsync<TService>(string? settings, Func<TService, Task> action, CancellationToken ct)
        where TService : notnull
    {
        try
        {
            using var host = await OfficeHost.OpenAsync(settings, ct);
            await using var scope = host.Services.CreateAsyncScope();
            await action(scope.ServiceProvider.GetRequiredService<TService>());
            return 0;
        }
        catch (RefusedException e)
        {
            await Console.Error.WriteLineAsync(CliText.Get("users-failed", e.Refusal.Text(indonesian: !CliText.English)));
            return 2;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(CliText.Get("users-failed", e.Message));
            return 2;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            await Console.Error.WriteLineAsync(CliText.Get("users-exists"));
            return 2;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(CliText.Get("users-failed", e.Message));
            return 1;
        }
    }

    private static string ReadPassword(bool fromStdin)
    {
        if (fromStdin || Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new ArgumentException(CliText.Get("users-no-password"));
        }

        return AnsiConsole.Prompt(new TextPrompt<string>(CliText.Get("users-password-prompt")).Secret());
    }
}
