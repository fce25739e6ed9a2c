using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NegotiationSim.Server.Tests;

/// <summary>
/// The instructor's and a team's pages on a laptop (1280 px) and a phone (390 px): every card stays within the screen,
/// wide tables scroll inside their card; a team with no country is told to pick one instead of being shown empty forms.
/// </summary>
[Collection(WargamePagesCollection.Name)]
public sealed class WargameLayoutPageTests(WargamePages pages) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => pages.Browser.CloseOpenedAsync();

    [Fact]
    public async Task LaptopAndPhone_CardsStayOnScreen_AndTablesScrollInsideThem()
    {
        await using var game = await WargamePages.StartAsync(WargamePages.Gallium());
        var code = await game.AddTeamAsync("Sakura", "JPN");
        await game.InstructorAsync("start");
        await game.TeamAsync(code, "move", new { round = 1, bloc = "Stay" }); // round 2: every country's rows are on the page
        var problems = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            var (team, teamProblems) = await pages.OpenAsync(game.TeamPage(code), width);
            await Expect(team.Locator("#clock")).ToContainTextAsync("round 2 of 3");
            await Expect(team.Locator("#rows tbody tr").First).ToBeVisibleAsync();
            await Expect(team.Locator("#partner option[value='KOR']")).ToHaveTextAsync("Korea (KOR)");
            await WargamePages.AssertFitsAsync(team, $"team page at {width} px");
            // The table of production and trade is wider than a phone: it scrolls inside its card rather than widen it.
            if (width == 390)
                Assert.True(await team.EvaluateAsync<bool>("() => { const b = document.querySelector('#rows .scroll'); return b.scrollWidth > b.clientWidth && getComputedStyle(b).overflowX === 'auto'; }"));
            await team.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, $"wargame-team-{width}.png"), FullPage = true });

            var (instructor, instructorProblems) = await pages.OpenAsync(game.InstructorPage, width);
            await Expect(instructor.Locator("#menu option").First).ToBeAttachedAsync();
            await Expect(instructor.Locator("#seats tbody tr")).ToHaveCountAsync(6);
            await Expect(instructor.Locator("#world-view table")).ToBeVisibleAsync();
            await WargamePages.AssertFitsAsync(instructor, $"instructor page at {width} px");
            await instructor.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, $"wargame-instructor-{width}.png"), FullPage = true });
            problems.AddRange(teamProblems.Concat(instructorProblems));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task TeamWithoutACountry_IsToldToPickOne_AndSeesNoMoveOrOfferForm()
    {
        await using var game = await WargamePages.StartAsync(WargamePages.Gallium());
        var code = await game.AddTeamAsync("Nomads", null);
        await game.InstructorAsync("start");
        var (team, problems) = await pages.OpenAsync(game.TeamPage(code), 390);
        await Expect(team.Locator("#country")).ToHaveTextAsync("no country yet");
        await Expect(team.Locator("#no-seat")).ToContainTextAsync("Pick a country to play");
        await Expect(team.Locator("#pick option[value='KOR']")).ToHaveTextAsync("Korea (KOR)");
        await Expect(team.Locator("#play")).ToBeHiddenAsync();
        await Expect(team.Locator("#offers")).ToBeHiddenAsync();
        await Expect(team.GetByRole(AriaRole.Button, new() { Name = "Submit move" })).ToBeHiddenAsync();
        await WargamePages.AssertFitsAsync(team, "a team without a country at 390 px");

        await team.Locator("#pick").SelectOptionAsync("KOR");
        await team.GetByRole(AriaRole.Button, new() { Name = "Play this country" }).ClickAsync();
        await Expect(team.Locator("#country")).ToHaveTextAsync("plays KOR");
        await Expect(team.Locator("#no-seat")).ToBeHiddenAsync();
        await Expect(team.GetByRole(AriaRole.Button, new() { Name = "Submit move" })).ToBeEnabledAsync();
        await Expect(team.Locator("#partner option[value='JPN']")).ToHaveTextAsync("Japan (JPN)");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Pages_WriteNumbersAndStatesAsPeopleDo()
    {
        await using var game = await WargamePages.StartAsync(WargamePages.Gallium());
        var (page, problems) = await pages.OpenAsync(game.InstructorPage);
        await Expect(page.Locator("#clock")).ToContainTextAsync("not started · 3 rounds");
        // A loss that rounds away is 0 $, not -0 $; the engine's short numbers (as journaled) read in full.
        Assert.Equal("0 $", await page.EvaluateAsync<string>("() => WG.money(-0.4)"));
        Assert.Equal("-3 $", await page.EvaluateAsync<string>("() => WG.money(-2.6)"));
        Assert.Equal("in beats out by 6,611,000 $/month (> hysteresis 0.000015): 12.5 t",
            await page.EvaluateAsync<string>("() => WG.prose('in beats out by 6.611E+06 $/month (> hysteresis 1.5E-05): 12.5 t')"));
        Assert.Equal("every team moved", await page.EvaluateAsync<string>("() => WG.closeText('AllMoved')"));
        Assert.Equal("the timer ran out", await page.EvaluateAsync<string>("() => WG.closeText('TimerExpired')"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task CustomShockForm_SendsEachKindsFields_AsTheGameTakesThem()
    {
        await using var game = await WargamePages.StartAsync(WargamePages.Gallium());
        var (page, problems) = await pages.OpenAsync(game.InstructorPage);
        var inject = page.GetByRole(AriaRole.Button, new() { Name = "Inject" }).Nth(1);
        var world = game.Session.World;
        T Last<T>() => Assert.IsType<T>(game.Session.Game.Inputs.OfType<NegotiationSim.Wargame.EventInjected>().Last().Event);

        // A quota from China against the countries ticked: China's own box cannot be ticked.
        await page.Locator("#inject-country").SelectOptionAsync("CHN");
        await page.Locator("#inject-control").SelectOptionAsync("quota");
        await page.Locator("#inject-quota").FillAsync("30");
        await page.Locator("#inject-targets").SelectOptionAsync("some");
        await Expect(page.Locator("#inject-target-list input[value='CHN']")).ToBeDisabledAsync();
        await inject.ClickAsync();
        await Expect(page.Locator("#inject-note")).ToHaveTextAsync("Against: tick at least one country");
        await page.Locator("#inject-target-list input[value='KOR']").CheckAsync();
        await page.Locator("#inject-target-list input[value='JPN']").CheckAsync();
        await page.Locator("#inject-stage").SelectOptionAsync("product");
        await inject.ClickAsync();
        await Expect(page.Locator("#inject-note")).ToHaveTextAsync("injected: it takes effect next round");
        var control = Last<NegotiationSim.Core.Policy.ExportControl>();
        Assert.Equal((NegotiationSim.Core.Policy.ControlKind.Quota, 0.3, world.CountryIndex("CHN")), (control.Kind, control.QuotaShare, control.Exporter));
        Assert.Equal(new[] { world.CountryIndex("JPN"), world.CountryIndex("KOR") }, control.Targets.Countries.Order());
        Assert.Equal([NegotiationSim.Core.World.Stage.Product], control.Stages);

        // A Section 232 threat on Korea at 40 % with 2 rounds to its deadline, on both processed stages (the default).
        await page.GetByLabel("Kind").SelectOptionAsync("section232");
        await page.Locator("#inject-country").SelectOptionAsync("KOR");
        await page.Locator("#inject-rate").FillAsync("40");
        await page.Locator("#inject-duration").FillAsync("2");
        await inject.ClickAsync();
        await Expect(page.Locator("#injected li")).ToHaveCountAsync(2);
        var threat = Last<NegotiationSim.Core.Policy.Section232Threat>();
        Assert.Equal((0.4, threat.Round + 2), (threat.Rate, threat.Deadline));
        Assert.Equal(2, threat.Stages.Count);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
