using System.Net;
using KpuTriage.Tests.Extraction;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Security;

/// <summary>
/// Small holes in the desk's web side, tried as an outsider would: a crafted return address at
/// sign-in, and letters left behind in a browser's or a proxy's cache.
/// </summary>
public sealed class HardeningSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private Desk desk = null!;

    public async Task InitializeAsync()
    {
        desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });
        await desk.EnsurePeopleAsync();
    }

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
    }

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    [InlineData("/inbox\r\nSet-Cookie: kputriage.desk=forged")]
    [InlineData("/\r/evil.example/")]
    public async Task Should_send_the_person_to_the_desk_root_when_the_return_url_holds_a_control_character(string returnUrl)
    {
        using var client = DeskSession.NewClient(desk);

        using var response = await DeskSession.PostFormAsync(client, "/login", new Dictionary<string, string>
        {
            ["UserName"] = Desk.ClerkName,
            ["Password"] = Desk.PeoplePassword,
            ["ReturnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_follow_a_local_return_url_when_it_is_plain()
    {
        using var client = DeskSession.NewClient(desk);

        using var response = await DeskSession.PostFormAsync(client, "/login", new Dictionary<string, string>
        {
            ["UserName"] = Desk.ClerkName,
            ["Password"] = Desk.PeoplePassword,
            ["ReturnUrl"] = "/inbox?unit=subbag_kul",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/inbox?unit=subbag_kul", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_forbid_storing_every_response_with_letter_content_when_a_reviewer_opens_it()
    {
        var pdf = TestPdfs.WithText(["KOMISI PEMILIHAN UMUM", "Nomor : 7/PL.01/2025", "Hal : Data Pemilih NIK 3214012345670001"]);
        var id = await desk.SubmitOkAsync("surat.pdf", pdf);
        await desk.WaitForStatusAsync(id, "in_review", "manual_triage");
        using var clerk = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
        using var anonymous = DeskSession.NewClient(desk);

        string[] letterContent =
        [
            $"/api/v1/documents/{id}", $"/api/v1/review/{id}", "/api/v1/review/inbox", $"/documents/{id}/pages/1",
            $"/item/{id}", "/inbox", "/register", "/register/export?format=csv", "/register/export?format=xlsx",
        ];
        foreach (var path in letterContent)
        {
            using var response = await clerk.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.True(response.Headers.CacheControl is { NoStore: true }, $"{path}: Cache-Control {response.Headers.CacheControl}");
        }

        using var login = await anonymous.GetAsync("/login");
        using var refused = await anonymous.GetAsync($"/api/v1/documents/{id}");
        Assert.True(login.Headers.CacheControl is { NoStore: true }, $"/login: Cache-Control {login.Headers.CacheControl}");
        Assert.True(refused.Headers.CacheControl is { NoStore: true }, $"refused: Cache-Control {refused.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/css/desk.css")]
    [InlineData("/js/desk.js")]
    public async Task Should_let_the_browser_keep_the_desk_own_style_and_script_when_it_revalidates_them(string path)
    {
        using var anonymous = DeskSession.NewClient(desk);

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { NoCache: true, NoStore: false }, $"{path}: Cache-Control {response.Headers.CacheControl}");
    }
}
