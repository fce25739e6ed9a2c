using Microsoft.Playwright;

namespace NegotiationSim.Server.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (no browser download: .ci/run installs /usr/bin/chromium). Screenshots go to
/// TestResults/screenshots at the repository root, beside the test results.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly List<IBrowserContext> _opened = [];

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Instance = browser;
    }

    public IBrowser Instance { get; }

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(LiveHost.Repo(), "TestResults", "screenshots")).FullName;

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // A page waits on a round the server runs: on a loaded 2-core CI machine that can take longer than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A page that records console errors and failed requests, so a test can assert the page ran cleanly.</summary>
    /// <param name="width">The viewport's width in px: 1280 a laptop, 390 a phone (then 844 high).</param>
    public async Task<(IPage Page, List<string> Problems)> OpenAsync(string url, ColorScheme scheme = ColorScheme.Light, int width = 1280)
    {
        var context = await Instance.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = width < 600 ? 844 : 1100 }, ColorScheme = scheme });
        context.SetDefaultTimeout(30_000);
        lock (_opened) _opened.Add(context);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (problems) problems.Add($"console: {m.Text}"); };
        page.PageError += (_, e) => { lock (problems) problems.Add($"page error: {e}"); };
        page.RequestFailed += (_, r) => { lock (problems) problems.Add($"request failed: {r.Url}"); };
        await page.GotoAsync(url);
        return (page, problems);
    }

    /// <summary>Closes the pages opened so far: a test's pages stop polling its stopped server and stop loading the shared browser.</summary>
    public async Task CloseOpenedAsync()
    {
        IBrowserContext[] opened;
        lock (_opened)
        {
            opened = [.. _opened];
            _opened.Clear();
        }
        foreach (var context in opened) await context.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright.Dispose();
    }
}
