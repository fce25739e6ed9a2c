using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using NegotiationSim.Scenarios;
using NegotiationSim.Server.Wargame;
using NegotiationSim.Wargame;
using static Microsoft.Playwright.Assertions;

namespace NegotiationSim.Server.Tests;

/// <summary>
/// A class in real browsers: the instructor and two teams, each in its own browser context (no shared storage), play
/// three rounds; the teams make a deal, the instructor injects a shock, and the debrief shows both.
/// </summary>
public sealed class WargamePageTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-wargame-page-").FullName;
    private WebApplication? _app;
    private WargameSession? _session;
    private string _url = "";
    private string _key = "";

    public async Task InitializeAsync()
    {
        var path = Path.Combine(LiveHost.Repo(), "tests", "data", "gallium-negotiation.yaml");
        var scenario = ScenarioLoader.Load(path);
        var yaml = await File.ReadAllTextAsync(path);
        _app = WargameHost.Build("http://127.0.0.1:0", TimeProvider.System, async grains =>
        {
            (_session, _key, _) = await WargameSession.OpenAsync(scenario, "gallium-negotiation.yaml", yaml,
                Path.Combine(_dir, "game.jsonl"), new GameRules(600, TimeoutFill.Computer, 3), TimeProvider.System, grains);
            return _session;
        });
        await _app.StartAsync();
        _url = ServerHost.Address(_app).TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        _session?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task MoveAsync(IPage team, int round)
    {
        await Expect(team.Locator("#clock")).ToContainTextAsync($"round {round} of 3");
        await team.GetByRole(AriaRole.Button, new() { Name = "Submit move" }).ClickAsync();
        await Expect(team.Locator("#move-note")).ToContainTextAsync($"move submitted for round {round}");
    }

    [Fact]
    public async Task InstructorAndTwoTeams_PlayThreeRounds_DebriefShowsTheirDealAndTheShock()
    {
        await using var browser = await Browser.LaunchAsync();
        var (instructor, problems) = await browser.OpenAsync($"{_url}/wargame/instructor.html#key={_key}");

        // Set-up: two teams with their countries; each gets a code and a link.
        foreach (var (name, country) in new[] { ("Team <b>Sakura</b>", "JPN"), ("Kimchi", "KOR") })
        {
            await instructor.Locator("#team-name").FillAsync(name);
            await instructor.Locator("#team-country").SelectOptionAsync(country);
            await instructor.GetByRole(AriaRole.Button, new() { Name = "Add team" }).ClickAsync();
            await Expect(instructor.Locator("#team-note")).ToContainTextAsync("team added: " + name);
        }
        var links = instructor.Locator(".team-code a");
        await Expect(links).ToHaveCountAsync(2);
        var (japan, japanProblems) = await browser.OpenAsync((await links.Nth(0).GetAttributeAsync("href"))!.Insert(0, _url));
        var (korea, koreaProblems) = await browser.OpenAsync((await links.Nth(1).GetAttributeAsync("href"))!.Insert(0, _url));
        await Expect(japan.Locator("#team")).ToHaveTextAsync("Team <b>Sakura</b>"); // a name is text, never markup
        await Expect(japan.Locator("#country")).ToHaveTextAsync("plays JPN");

        // Round 1: Japan offers Korea a deal, Korea accepts, both move.
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(japan.Locator("#briefing")).ToContainTextAsync("Japan (JPN)");
        await japan.GetByLabel("Partner").SelectOptionAsync("KOR");
        await japan.GetByLabel("offtake").SelectOptionAsync("10%");
        await japan.GetByRole(AriaRole.Button, new() { Name = "What is it worth to us?" }).ClickAsync();
        await Expect(japan.Locator("#offer-note")).ToContainTextAsync("worth");
        await japan.GetByRole(AriaRole.Button, new() { Name = "Send offer" }).ClickAsync();
        await Expect(japan.Locator("#offer-note")).ToContainTextAsync("offer O1: open");
        await korea.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(korea.Locator("#offer-list")).ToContainTextAsync("accepted");
        await MoveAsync(japan, 1);
        await MoveAsync(korea, 1);

        // Round 2: the deal is signed; the instructor injects a shock for round 3; both move.
        await Expect(japan.Locator("#deals")).ToContainTextAsync("W1: JPN buys gallium refined from KOR");
        await instructor.GetByLabel("Custom").SelectOptionAsync("disruption");
        await instructor.Locator("#inject-country").SelectOptionAsync("CHN");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Inject" }).Nth(1).ClickAsync();
        await Expect(instructor.Locator("#injected")).ToContainTextAsync("round 3: disruption");
        await MoveAsync(japan, 2);
        await MoveAsync(korea, 2);

        // Round 3: the instructor closes it; the game ends.
        await Expect(instructor.Locator("#clock")).ToContainTextAsync("round 3 of 3");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Advance round" }).ClickAsync();
        await Expect(instructor.Locator("#clock")).ToContainTextAsync("Ended");
        await instructor.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-instructor.png"), FullPage = true });
        await japan.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-team.png"), FullPage = true });

        // Debrief: the deal under Japan's team and in round 2; the shock in round 3.
        await instructor.GetByRole(AriaRole.Link, new() { Name = "Debrief" }).ClickAsync();
        // The debrief re-runs the game once per team with the computer in its seat: give it time on a busy machine.
        await Expect(instructor.Locator("#note")).ToBeEmptyAsync();
        await Expect(instructor.Locator("#teams")).ToContainTextAsync("W1: JPN buys gallium refined from KOR", new() { Timeout = 60_000 });
        await Expect(instructor.Locator("#teams")).ToContainTextAsync("Team <b>Sakura</b> (JPN)");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "▶" }).ClickAsync();
        await Expect(instructor.Locator("#round-deals")).ToContainTextAsync("W1 signed");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "▶" }).ClickAsync();
        await Expect(instructor.Locator("#shocks")).ToContainTextAsync("disruption: round 3: China loses 50 % of Gallium refined for 3 rounds");
        // Next to each team, the computer in its seat and why; charts drawn (welfare per team, membership, prices); keys step rounds.
        await Expect(instructor.Locator("#teams")).ToContainTextAsync("The computer in its seat would have done");
        await Expect(instructor.Locator("#teams .reason").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("^(stays (in|outside) the bloc|decides-to-(join|leave)|negotiation-|deal-signed|section232-)"));
        await Expect(instructor.Locator("#teams")).ToContainTextAsync("The story of the gap");
        await Expect(instructor.Locator("#teams svg")).ToHaveCountAsync(2);
        await Expect(instructor.Locator("#world svg").First).ToBeVisibleAsync();
        await instructor.Locator("h1").ClickAsync();
        await instructor.Keyboard.PressAsync("Home");
        await Expect(instructor.Locator("#round-label")).ToContainTextAsync("round 1 (");
        await instructor.Keyboard.PressAsync("ArrowRight");
        await Expect(instructor.Locator("#round-label")).ToContainTextAsync("round 2 (");
        await instructor.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-debrief.png"), FullPage = true });
        // Dark: the page and its charts follow the reader's setting (chart text takes the page's light foreground).
        await instructor.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        Assert.Equal("rgb(21, 24, 28)", await instructor.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(230, 233, 237)", await instructor.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#teams svg text')).fill"));
        await instructor.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-debrief-dark.png"), FullPage = true });
        // A page opened before a restart holds the old key: it says a new one was printed, and the dashboard stays shut.
        var (stale, _) = await browser.OpenAsync($"{_url}/wargame/instructor.html#key={Secrets.NewCode()}");
        await Expect(stale.Locator("#login-note")).ToContainTextAsync("the server prints a new key in its terminal each time it starts");
        await Expect(stale.Locator("#key")).ToBeVisibleAsync();
        var shut = await stale.GotoAsync($"{_url}/dashboard/");
        Assert.Equal(403, shut!.Status);
        var all = problems.Select(p => "instructor " + p).Concat(japanProblems.Select(p => "japan " + p)).Concat(koreaProblems.Select(p => "korea " + p)).ToList();
        Assert.True(all.Count == 0, string.Join("\n", all));
    }
}
