using Microsoft.Playwright;
using NegotiationSim.Wargame;
using NegotiationSim.Server.Wargame;
using static Microsoft.Playwright.Assertions;

namespace NegotiationSim.Server.Tests;

/// <summary>
/// A class in real browsers: the instructor and two teams, each in its own browser context (no shared storage), play
/// three rounds; the teams make a deal, the instructor injects a shock, and the debrief shows both.
/// </summary>
[Collection(WargamePagesCollection.Name)]
public sealed class WargamePageTests(WargamePages pages) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => pages.Browser.CloseOpenedAsync();

    private static async Task MoveAsync(IPage team, int round)
    {
        await Expect(team.Locator("#clock")).ToContainTextAsync($"round {round} of 3");
        await team.GetByRole(AriaRole.Button, new() { Name = "Submit move" }).ClickAsync();
        await Expect(team.Locator("#move-note")).ToContainTextAsync($"move submitted for round {round}");
    }

    [Fact]
    public async Task InstructorAndTwoTeams_PlayThreeRounds_DebriefShowsTheirDealAndTheShock()
    {
        await using var game = await WargamePages.StartAsync(WargamePages.Gallium());
        var (instructor, problems) = await pages.OpenAsync(game.InstructorPage);
        // Before the start only Start applies; the other game buttons are disabled.
        await WargamePages.ExpectGameButtonsAsync(instructor, "start");

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
        var (japan, japanProblems) = await pages.OpenAsync((await links.Nth(0).GetAttributeAsync("href"))!.Insert(0, game.Url));
        var (korea, koreaProblems) = await pages.OpenAsync((await links.Nth(1).GetAttributeAsync("href"))!.Insert(0, game.Url));
        await Expect(japan.Locator("#team")).ToHaveTextAsync("Team <b>Sakura</b>"); // a name is text, never markup
        await Expect(japan.Locator("#country")).ToHaveTextAsync("plays JPN");

        await Expect(japan.Locator("#clock")).ToContainTextAsync("not started · 3 rounds");
        await Expect(japan.GetByRole(AriaRole.Button, new() { Name = "Submit move" })).ToBeDisabledAsync();

        // Start, pause and resume: each button applies only where the game's phase allows it.
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await WargamePages.ExpectGameButtonsAsync(instructor, "pause", "advance", "extend");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await WargamePages.ExpectGameButtonsAsync(instructor, "resume", "advance", "extend");
        await Expect(japan.GetByRole(AriaRole.Button, new() { Name = "Submit move" })).ToBeDisabledAsync();
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await WargamePages.ExpectGameButtonsAsync(instructor, "pause", "advance", "extend");
        await Expect(instructor.Locator("#clock")).ToContainTextAsync("running · round 1 of 3");

        // Round 1: Japan offers Korea a deal, Korea accepts, both move.
        await Expect(japan.Locator("#briefing")).ToContainTextAsync("Japan (JPN)");
        // Partners by name (the id is what the page sends); Japan, a founding member, is offered neither join nor leave, and told why.
        await Expect(japan.Locator("#partner option[value='KOR']")).ToHaveTextAsync("Korea (KOR)");
        await Expect(japan.Locator("#bloc option")).ToHaveTextAsync(["stay as we are"]);
        await Expect(japan.Locator("#closed-moves")).ToContainTextAsync("No join: Japan is already a member of FORGE");
        await Expect(japan.Locator("#closed-moves")).ToContainTextAsync("No leave: Japan is a founding member of the bloc");
        await Expect(korea.Locator("#bloc option")).ToHaveTextAsync(["stay as we are", "join"]);
        // Korea faces the scenario's Section 232 threat: its answers are offered; Japan, unthreatened, sees none.
        await Expect(korea.Locator("#threat option")).ToHaveTextAsync(["no answer", "comply (join the bloc)", "defy"]);
        await Expect(korea.Locator("#threat-box")).ToBeVisibleAsync();
        await Expect(japan.Locator("#threat-box")).ToBeHiddenAsync();
        await japan.GetByLabel("Partner").SelectOptionAsync("KOR");
        await japan.GetByLabel("offtake").SelectOptionAsync("10%");
        await japan.GetByRole(AriaRole.Button, new() { Name = "What is it worth to us?" }).ClickAsync();
        await Expect(japan.Locator("#offer-note")).ToContainTextAsync("worth");
        await japan.GetByRole(AriaRole.Button, new() { Name = "Send offer" }).ClickAsync();
        await Expect(japan.Locator("#offer-note")).ToContainTextAsync("offer O1: open");
        await korea.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(korea.Locator("#offer-list")).ToContainTextAsync("accepted");
        await Expect(korea.Locator("#offer-list")).Not.ToContainTextAsync("-0 $");
        await MoveAsync(japan, 1);
        // A reload still shows the move recorded for the round.
        await japan.ReloadAsync();
        await Expect(japan.Locator("#clock")).ToContainTextAsync("moved (stay as we are)");
        await MoveAsync(korea, 1);

        // Round 2: the deal is signed; the instructor injects a shock for round 3; both move.
        await Expect(japan.Locator("#deals")).ToContainTextAsync("W1: JPN buys gallium refined from KOR");
        // The custom form shows the fields of the kind chosen, with the server's bounds, and the server's refusal beside it.
        var inject = instructor.GetByRole(AriaRole.Button, new() { Name = "Inject" }).Nth(1);
        await instructor.GetByLabel("Kind").SelectOptionAsync("section232");
        await Expect(instructor.Locator("#inject-rate")).ToBeVisibleAsync();
        Assert.Equal("500", await instructor.Locator("#inject-rate").GetAttributeAsync("max"));
        await Expect(instructor.Locator("#inject-mineral")).ToBeHiddenAsync();
        await Expect(instructor.Locator("#inject-severity")).ToBeHiddenAsync();
        await instructor.Locator("#inject-country").SelectOptionAsync("USA");
        await inject.ClickAsync();
        await Expect(instructor.Locator("#inject-note")).ToHaveTextAsync("country: United States makes the threat; name a country it threatens");
        // The refusal is the one failed request the browser logs on purpose; its console message can come after the note.
        static bool Refused(string p) => p.Contains("status of 400", StringComparison.Ordinal);
        bool Seen() { lock (problems) return problems.Any(Refused); }
        for (var wait = 0; wait < 300 && !Seen(); wait++) await Task.Delay(100);
        lock (problems) Assert.Equal(1, problems.RemoveAll(Refused));
        await instructor.GetByLabel("Kind").SelectOptionAsync("export_control");
        await Expect(instructor.Locator("#inject-quota")).ToBeHiddenAsync();
        await instructor.Locator("#inject-control").SelectOptionAsync("quota");
        await Expect(instructor.Locator("#inject-quota")).ToBeVisibleAsync();
        await Expect(instructor.Locator("#inject-rate")).ToBeHiddenAsync();
        await instructor.GetByLabel("Kind").SelectOptionAsync("disruption");
        await Expect(instructor.Locator("#inject-quota")).ToBeHiddenAsync();
        await Expect(instructor.Locator("#inject-severity")).ToBeVisibleAsync();
        await instructor.Locator("#inject-country").SelectOptionAsync("CHN");
        await instructor.Locator("#inject-severity").FillAsync("150");
        await inject.ClickAsync();
        await Expect(instructor.Locator("#inject-note")).ToContainTextAsync("Severity: % of output lost");
        await instructor.Locator("#inject-severity").FillAsync("50");
        await inject.ClickAsync();
        await Expect(instructor.Locator("#inject-note")).ToHaveTextAsync("injected: it takes effect next round");
        await Expect(instructor.Locator("#injected")).ToContainTextAsync("round 3: disruption");
        await MoveAsync(japan, 2);
        await MoveAsync(korea, 2);

        // Round 3: the instructor closes it; the game ends.
        await Expect(instructor.Locator("#clock")).ToContainTextAsync("round 3 of 3");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Advance round" }).ClickAsync();
        await Expect(instructor.Locator("#clock")).ToContainTextAsync("ended");
        await WargamePages.ExpectGameButtonsAsync(instructor);
        await Expect(inject).ToBeDisabledAsync();
        // Engine reasons read as people write numbers (no 6.611E+06).
        await Expect(instructor.Locator("#world-view")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\dE[+-]\d"));
        // Dark: the instructor's and the teams' pages follow the system setting too.
        await instructor.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await japan.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        Assert.Equal("rgb(21, 24, 28)", await instructor.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(30, 35, 40)", await japan.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('section')).backgroundColor"));
        Assert.Equal("rgb(230, 233, 237)", await japan.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#partner')).color"));
        await instructor.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-instructor-dark.png"), FullPage = true });
        await japan.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-team-dark.png"), FullPage = true });
        await instructor.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await japan.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await instructor.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-instructor.png"), FullPage = true });
        await japan.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-team.png"), FullPage = true });

        // Debrief: the deal under Japan's team and in round 2; the shock in round 3.
        await instructor.GetByRole(AriaRole.Link, new() { Name = "Debrief" }).ClickAsync();
        // The debrief re-runs the game once per team with the computer in its seat: give it time on a busy machine.
        await Expect(instructor.Locator("#note")).ToBeEmptyAsync();
        await Expect(instructor.Locator("#teams")).ToContainTextAsync("W1: JPN buys gallium refined from KOR", new() { Timeout = 60_000 });
        await Expect(instructor.Locator("#teams")).ToContainTextAsync("Team <b>Sakura</b> (JPN)");
        // Round 1 closed when both teams had moved, round 3 when the instructor advanced it: said in words; no "-0 $".
        await Expect(instructor.Locator("#round-label")).ToContainTextAsync("closed: every team moved");
        await Expect(instructor.Locator("body")).Not.ToContainTextAsync("-0 $");
        await Expect(instructor.Locator("body")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\dE[+-]\d"));
        await instructor.GetByRole(AriaRole.Button, new() { Name = "▶" }).ClickAsync();
        await Expect(instructor.Locator("#round-deals")).ToContainTextAsync("W1 signed");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "▶" }).ClickAsync();
        await Expect(instructor.Locator("#shocks")).ToContainTextAsync("disruption: round 3: China loses 50 % of Gallium refined for 3 rounds");
        await Expect(instructor.Locator("#round-label")).ToContainTextAsync("closed: the instructor advanced the round");
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
        // On a phone the debrief's cards, charts and tables stay on screen too (tables scroll inside their cards).
        await instructor.SetViewportSizeAsync(390, 844);
        await WargamePages.AssertFitsAsync(instructor, "debrief at 390 px");
        await instructor.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-debrief-390.png"), FullPage = true });
        await instructor.SetViewportSizeAsync(1280, 1100);
        // Dark: the page and its charts follow the reader's setting (chart text takes the page's light foreground).
        await instructor.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        Assert.Equal("rgb(21, 24, 28)", await instructor.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(230, 233, 237)", await instructor.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#teams svg text')).fill"));
        await instructor.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-debrief-dark.png"), FullPage = true });
        // A page opened before a restart holds the old key: it says a new one was printed, and the dashboard stays shut.
        var (stale, _) = await pages.OpenAsync($"{game.Url}/wargame/instructor.html#key={Secrets.NewCode()}");
        await Expect(stale.Locator("#login-note")).ToContainTextAsync("the server prints a new key in its terminal each time it starts");
        await Expect(stale.Locator("#key")).ToBeVisibleAsync();
        var shut = await stale.GotoAsync($"{game.Url}/dashboard/");
        Assert.Equal(403, shut!.Status);
        var all = problems.Select(p => "instructor " + p).Concat(japanProblems.Select(p => "japan " + p)).Concat(koreaProblems.Select(p => "korea " + p)).ToList();
        Assert.True(all.Count == 0, string.Join("\n", all));
    }
}
