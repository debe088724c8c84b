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

    private string LastOutput { get; set; } = "";

    private async Task<int> RunAsync(string? stdin, params string[] args)
    {
        var (input, output, error) = (Console.In, Console.Out, Console.Error);
        // Not disposed: Spectre.Console may keep the writer it first saw as its output.
        var outputs = new StringWriter();
        using var errors = new StringWriter();
        Console.SetIn(new StringReader(stdin ?? ""));
        Console.SetOut(outputs);
        Console.SetError(errors);
        try
        {
            var exitCode = await CliCommands.Build(() => new HttpClient()).Parse([.. args, "--settings", settings]).InvokeAsync();
            LastError = errors.ToString();
            LastOutput = outputs.ToString();
            return exitCode;
        }
        finally
        {
            Console.SetIn(input);
            Console.SetOut(output);
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
    public async Task Should_create_a_key_that_may_submit_under_its_further_sources_and_no_other()
    {
        var exitCode = await RunAsync(null, "keys", "add", "gateway", "--source", "email-gateway", "--source", "scanner");

        Assert.True(exitCode == 0, LastError);
        using var gateway = desk.NewClient();
        gateway.DefaultRequestHeaders.Add("X-Api-Key", LastOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
        Assert.Equal(HttpStatusCode.Accepted, (await Desk.SubmitAsync(gateway, "a.txt", Letters.UndanganBytes(2), source: "scanner")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Desk.SubmitAsync(gateway, "b.txt", Letters.UndanganBytes(3))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Desk.SubmitAsync(gateway, "c.txt", Letters.UndanganBytes(4), source: "default")).StatusCode);
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
