using Microsoft.Playwright;
using NegotiationSim.Server.Wargame;
using static Microsoft.Playwright.Assertions;

namespace NegotiationSim.Server.Tests;

/// <summary>A team's page under information rules: it shows the rows the team may see and says in words what it may not.</summary>
[Collection(WargamePagesCollection.Name)]
public sealed class TeamSightPageTests(WargamePages pages) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => pages.Browser.CloseOpenedAsync();

    [Fact]
    public async Task TeamPage_ShowsItsOwnAndItsPartnersRows_AndSaysWhatIsHidden()
    {
        await using var game = await WargamePages.StartAsync(WargamePages.Gallium("wargame:\n  teams_see: partners\n  partner_share: 0.3\n  others_delay: 1\n"));
        var code = await game.AddTeamAsync("Sakura", "JPN");
        await game.InstructorAsync("start");
        var (japan, problems) = await pages.OpenAsync(game.TeamPage(code));
        await Expect(japan.Locator("#country")).ToHaveTextAsync("plays JPN");
        // Round 1: others are a month late, so only Japan's own rows.
        await Expect(japan.Locator("#sight")).ToContainTextAsync("Rows of non-partners (countries trading less than 30% of your imports or exports of a mineral) are hidden by the scenario's information rules.");
        await Expect(japan.Locator("#sight")).ToContainTextAsync("Others are shown 1 round late: none yet.");
        await Expect(japan.Locator("#rows tbody tr").First).ToContainTextAsync("JPN");
        Assert.All(await japan.Locator("#rows tbody tr td:first-child").AllTextContentsAsync(), c => Assert.Equal("JPN", c));

        // Round 2: its partners' rows appear as of round 1, and only theirs.
        await japan.GetByRole(AriaRole.Button, new() { Name = "Submit move" }).ClickAsync();
        await Expect(japan.Locator("#clock")).ToContainTextAsync("round 2 of 3");
        await Expect(japan.Locator("#sight")).ToContainTextAsync("Others are shown as of " + game.Session.Reports[0].Month + " (round 1, 1 round ago)");
        var partners = WargameViews.Sight(game.Session, "JPN").Rows().Select(r => r.Country).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.True(partners.Length is > 1 and < 6, string.Join(",", partners));
        await Expect(japan.Locator("#rows tbody tr")).ToHaveCountAsync(WargameViews.Sight(game.Session, "JPN").Rows().Count);
        var shown = (await japan.Locator("#rows tbody tr td:first-child").AllTextContentsAsync()).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(partners, shown);
        await japan.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-team-sight.png"), FullPage = true });
        Assert.Empty(problems);
    }
}
