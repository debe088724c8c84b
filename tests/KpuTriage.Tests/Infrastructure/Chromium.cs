using Microsoft.Playwright;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, with nothing downloaded (ENVIRONMENT.md).
/// Screenshots go to TestResults/screenshots beside the test binaries, kept as artifacts.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    public static async Task<Chromium> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: run the tests with ./test.sh, which installs Debian's chromium.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A fresh browser profile (own cookies) at a desk-sized window.</summary>
    public async Task<IPage> NewPageAsync(Desk desk)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = desk.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Signs in through the form with the keyboard only, as a clerk does at the start of the day.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/login");
        // Chromium applies autofocus at its next rendering update, which can come after the load
        // event on a busy machine; keys typed before it would go nowhere.
        await Assertions.Expect(page.Locator("input[name=UserName]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(userName);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>Presses a key and waits until the page has navigated somewhere else and loaded.</summary>
    public static async Task PressAndNavigateAsync(IPage page, string key)
    {
        var before = page.Url;
        await page.Keyboard.PressAsync(key);
        await page.WaitForURLAsync(url => url != before);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
