using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NegotiationSim.Server.Tests;

/// <summary>The live page in a real browser, used as an analyst would: pick FORGE, start, pause, step, look back; then the Orleans Dashboard.</summary>
[Collection(BrowserHostCollection.Name)]
public sealed class LivePageTests(LiveHost host)
{
    private static async Task<int> Number(ILocator locator, string attribute) =>
        int.Parse((await locator.GetAttributeAsync(attribute))!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Forge_StartPauseStepAndSlideBack_ShowsRoundsAndMembershipChange()
    {
        // Given
        await using var browser = await Browser.LaunchAsync();
        var (page, problems) = await browser.OpenAsync(host.Url + "/");
        var counter = page.Locator("#round-counter");
        var members = page.Locator("#member-count");

        // When: pick FORGE from the library and start it
        await page.GetByLabel("Scenario").SelectOptionAsync("forge-ministerial-2026.yaml");
        await page.GetByRole(AriaRole.Button, new() { Name = "Load" }).ClickAsync();
        await Expect(page.Locator("#scenario-title")).ToContainTextAsync("FORGE Ministerial 2026");
        await page.GetByLabel("Speed").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "Running");
        await Expect(counter).ToHaveAttributeAsync("data-round", new Regex("^[2-9]$|^[1-9][0-9]$"), new() { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "Paused");
        var pausedAt = await Number(counter, "data-round");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "forge-paused.png"), FullPage = true });

        // Then: FORGE's founders are nine (the US, Korea and the 2025 framework partners); the UK and the Netherlands join in round 2
        Assert.True(await Number(members, "data-members") > 9);
        await Expect(counter).ToContainTextAsync($"Round {pausedAt} / 36");
        await Expect(page.Locator("#world-map [data-country='GBR']")).ToHaveAttributeAsync("data-status", "member");

        // When: step one round
        await page.GetByRole(AriaRole.Button, new() { Name = "Step one round" }).ClickAsync();

        // Then
        await Expect(counter).ToHaveAttributeAsync("data-round", (pausedAt + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "Paused");

        // When: drag the round slider to its left end
        var slider = page.GetByLabel("Show round");
        var box = (await slider.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width - 4, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X - 20, box.Y + box.Height / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();

        // Then: round 1 as it was: the nine founders, the UK outside, the live counter unchanged
        await Expect(page.Locator("#slider-value")).ToHaveTextAsync("round 1");
        await Expect(members).ToHaveAttributeAsync("data-members", "9");
        await Expect(page.Locator("#world-map [data-country='GBR']")).Not.ToHaveAttributeAsync("data-status", "member");
        await Expect(page.Locator("#event-list li").First).ToContainTextAsync("R1 ");
        await Expect(page.Locator("#event-list")).Not.ToContainTextAsync("R2 ");

        // When: show only project finance; Then: round 1's framework money, and nothing else
        await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("finance");
        await Expect(page.Locator("#event-list li").First).ToContainTextAsync("R1 finance-");
        Assert.All(await page.Locator("#event-list li .kind").AllTextContentsAsync(), k => Assert.Matches("^R1 finance-(offered|committed)$", k));
        await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("all");
        await Expect(counter).ToHaveAttributeAsync("data-round", (pausedAt + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "forge-round1.png"), FullPage = true });

        // And with the keyboard: End goes back to following the run
        await slider.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(page.Locator("#slider-value")).ToContainTextAsync("live");

        // When: back to round 3 with the keyboard, when FORGE's sessions sign their first deals (in its run today D0002:
        // the US buys Indonesian refined nickel under the Section 232 threat), and focus the first one drawn
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#slider-value")).ToHaveTextAsync("round 3");
        var deal = page.Locator("#world-map path.link.signed[data-deal]").First;
        var id = (await deal.GetAttributeAsync("data-deal"))!;
        await deal.FocusAsync();

        // Then: drawn seller → buyer with its terms shown, listed under the map, and in the timeline with who, terms, why and Nash distance
        await Expect(deal).ToHaveAttributeAsync("aria-label", new Regex($"^{Regex.Escape(id)} signed: [A-Z]{{3}} sells [A-Z]{{3}} .* t/month of .* \\$/t, rounds 4–.*offtake"));
        await Expect(page.Locator("#deal-detail")).ToContainTextAsync($"{id} signed: ");
        await Expect(page.Locator($"#deal-list li[data-deal='{id}']")).ToHaveClassAsync(new Regex("hot"));
        var signing = page.Locator("#event-list li", new() { HasText = "R3 deal-signed" }).Filter(new() { HasText = $"{id}: " });
        await Expect(signing).ToContainTextAsync(new Regex("[A-Z]{3} buys .* terms: offtake .*; why: .*from the Nash bargaining point"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "forge-deals.png"), FullPage = true });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task PageOpenedMidRun_CatchesUp_InDarkModeToo_AndAClickedCountryShowsItsReliance()
    {
        // Given: a run already three rounds in, with nobody watching
        Assert.Empty(await host.Run.LoadAsync("gallium-control.yaml"));
        for (var i = 0; i < 3; i++) await host.Run.StepAsync();
        await using var browser = await Browser.LaunchAsync();

        // When
        var (page, problems) = await browser.OpenAsync(host.Url + "/", ColorScheme.Dark);

        // Then
        await Expect(page.Locator("#round-counter")).ToHaveAttributeAsync("data-round", "3");
        await Expect(page.Locator("#scenario-title")).ToContainTextAsync("Gallium licence");
        await Expect(page.Locator("#security-table tbody tr")).ToHaveCountAsync(1);
        // The licence names every other country: one ring around China, not an arrow to each.
        await Expect(page.Locator("#world-map circle.link.control.ring")).ToHaveCountAsync(1);
        await page.Locator("#world-map [data-country='KOR']").ClickAsync();
        await Expect(page.Locator("#reliance-h")).ToHaveTextAsync("Korea import reliance");
        await page.GetByText("Countries, as a table").ClickAsync();
        await Expect(page.Locator("#country-table tbody tr")).ToHaveCountAsync(6);
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(21, 23, 27)", background);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "gallium-dark.png"), FullPage = true });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Dashboard_ListsOurGrainTypes()
    {
        // Given: grains of every type activated by a run
        Assert.Empty(await host.Run.LoadAsync("gallium-control.yaml"));
        await host.Run.StepAsync();
        await using var browser = await Browser.LaunchAsync();

        // When: from the live page's link to the dashboard, then its grains view
        var (page, _) = await browser.OpenAsync(host.Url + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Orleans Dashboard" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/**");
        await page.GotoAsync(host.Url + "/dashboard/#/grains");

        // Then: our three grain types, with their activations
        ILocator Type(string name) => page.Locator($"a[href='#/grain/NegotiationSim.Grains.{name}']");
        await Expect(Type("SimulationGrain")).ToHaveTextAsync("SimulationGrain", new() { Timeout = 20_000 });
        await Expect(Type("MarketGrain")).ToHaveTextAsync("MarketGrain");
        await Expect(Type("CountryGrain")).ToHaveTextAsync("CountryGrain");
        await Expect(page.Locator("tr", new() { Has = Type("CountryGrain") }).Locator("td").Nth(2)).ToHaveTextAsync(new Regex("^[1-9][0-9]*$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "dashboard-grains.png"), FullPage = true });
    }
}
