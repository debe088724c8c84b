using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KpuTriage.Cli;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Cli;

/// <summary><c>kputriage users …</c> and <c>kputriage keys …</c> against a running office's database.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class UsersCommandSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private Desk desk = null!;
    private string settings = "";

    public async Task InitializeAsync()
    {
        desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });
        settings = Path.Combine(data.Path, "office.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["KPUTRIAGE_DATA_DIR"] = data.Path,
            ["Storage"] = new { Provider = "sqlite" },
        }));
    }

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
    }

    private static readonly string[] PasswordFromStdin = ["--password-stdin"];

    private string LastError { get; set; } = "";

    private async Task<int> RunAsync(string? stdin, params string[] args)
    {
        var (input, error) = (Console.In, Console.Error);
        using var errors = new StringWriter();
        Console.SetIn(new StringReader(stdin ?? ""));
        Console.SetError(errors);
        try
        {
            var exitCode = await CliCommands.Build(() => new HttpClient()).Parse([.. args, "--settings", settings]).InvokeAsync();
            LastError = errors.ToString();
            return exitCode;
        }
        finally
        {
            Console.SetIn(input);
            Console.SetError(error);
        }
    }

    [Fact]
    public async Task Should_create_a_user_who_can_sign_in_when_the_password_comes_on_stdin()
    {
        var exitCode = await RunAsync("kata-sandi-dewi-2025\n", "users", "add", "dewi", "--role", "clerk", "--password-stdin");

        Assert.True(exitCode == 0, LastError);
        using var client = desk.NewClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "dewi", password = "kata-sandi-dewi-2025" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_password_the_policy_forbids()
    {
        var exitCode = await RunAsync("password123\n", "users", "add", "joko", "--role", "clerk", "--password-stdin");

        Assert.Equal(2, exitCode);
        Assert.Null(await desk.QueryAsync(db => Task.FromResult(db.Users.FirstOrDefault(u => u.UserName == "joko"))));
    }

    [Fact]
    public async Task Should_stop_a_disabled_user_from_signing_in()
    {
        await RunAsync("kata-sandi-eko-2025-x\n", "users", "add", "eko", "--role", "supervisor", "--password-stdin");

        var exitCode = await RunAsync(null, "users", "disable", "eko");

        Assert.Equal(0, exitCode);
        using var client = desk.NewClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "eko", password = "kata-sandi-eko-2025-x" });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Fact]
    public async Task Should_revoke_an_integration_key_so_it_no_longer_submits()
    {
        var exitCode = await RunAsync(null, "keys", "revoke", "default");

        Assert.Equal(0, exitCode);
        var response = await desk.SubmitAsync("surat.txt", Letters.UndanganBytes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("roles", "--role", "supervisor")]
    [InlineData("disable")]
    [InlineData("password")]
    [InlineData("sign-out")]
    public async Task Should_end_the_tokens_a_person_already_holds_when_the_command_changes_the_account(string verb, params string[] options)
    {
        await RunAsync("kata-sandi-eko-2025-x\n", "users", "add", "eko", "--role", "clerk", "--password-stdin");
        using var eko = await desk.SignInAsync("eko", "kata-sandi-eko-2025-x");
        Assert.Equal(HttpStatusCode.OK, (await eko.GetAsync("/api/v1/review/inbox")).StatusCode);

        var exitCode = await RunAsync("kata-sandi-eko-yang-baru\n", ["users", verb, "eko", .. options, .. verb == "password" ? PasswordFromStdin : []]);

        Assert.True(exitCode == 0, LastError);
        Assert.Equal(HttpStatusCode.Unauthorized, (await eko.GetAsync("/api/v1/review/inbox")).StatusCode);
    }
}
