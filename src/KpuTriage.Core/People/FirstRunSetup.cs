using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace KpuTriage.Core.People;

/// <summary>
/// On the first start with an empty database, creates user <c>admin</c> and one integration
/// key, from KPUTRIAGE_ADMIN_PASSWORD and KPUTRIAGE_API_KEY when set, otherwise generated and
/// printed once: nothing else can show them again.
/// </summary>
public sealed class FirstRunSetup(TriageDb db, AccountService accounts, IntegrationKeys keys, IConfiguration configuration)
{
    public const string AdminPasswordVariable = "KPUTRIAGE_ADMIN_PASSWORD";
    public const string ApiKeyVariable = "KPUTRIAGE_API_KEY";

    public async Task RunAsync(TextWriter console, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return;
        }

        var password = configuration[AdminPasswordVariable];
        var generatedPassword = string.IsNullOrEmpty(password);
        password = generatedPassword ? AccountService.NewSecret() : password!;
        var apiKey = configuration[ApiKeyVariable];
        var generatedKey = string.IsNullOrEmpty(apiKey);
        try
        {
            await accounts.CreateUserAsync("admin", password, [Roles.Admin], "first-run", ct);
            apiKey = (await keys.CreateAsync("default", [], generatedKey ? null : apiKey, ct)).Secret;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return; // Another process set up the same database at the same moment.
        }

        if (generatedPassword || generatedKey)
        {
            await console.WriteLineAsync("KpuTriage first start: keep these, they are shown only now.");
            if (generatedPassword)
            {
                await console.WriteLineAsync($"  user 'admin' password: {password}");
            }

            if (generatedKey)
            {
                await console.WriteLineAsync($"  integration API key (X-Api-Key): {apiKey}");
            }
        }
    }
}
