using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NegotiationSim.Server.Tests;

/// <summary>
/// A bloc that admits by vote, in browsers: Korea's team applies, Japan's team (a member) sees the application with what
/// admission is worth to it and votes from its page, and the instructor's page shows the vote.
/// </summary>
[Collection(WargamePagesCollection.Name)]
public sealed class WargameVotePageTests(WargamePages pages) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => pages.Browser.CloseOpenedAsync();

    [Fact]
    public async Task MemberTeam_VotesOnAnApplicationFromItsPage_AndTheInstructorSeesTheVote()
    {
        await using var game = await WargamePages.StartAsync(WargamePages.Gallium("bloc:\n  admission: vote\n"));
        var codes = new Dictionary<string, string>();
        foreach (var (name, country) in new[] { ("Kimchi", "KOR"), ("Sakura", "JPN") })
            codes[country] = await game.AddTeamAsync(name, country);
        await game.InstructorAsync("start");
        await game.TeamAsync(codes["KOR"], "move", new { round = 1, bloc = "Join" });
        await game.TeamAsync(codes["JPN"], "move", new { round = 1, bloc = "Stay" }); // closes round 1: Korea applies

        var (japan, japanProblems) = await pages.OpenAsync(game.TeamPage(codes["JPN"]));
        var (instructor, problems) = await pages.OpenAsync(game.InstructorPage);
        var applications = japan.Locator("#applications");
        await Expect(applications).ToBeVisibleAsync();
        await Expect(applications).ToContainTextAsync("Korea (KOR)");
        await Expect(applications).ToContainTextAsync("$/month"); // what admitting Korea is worth to Japan
        await Expect(applications).ToContainTextAsync("not voted (abstains)");
        await Expect(instructor.Locator("#application-list")).ToContainTextAsync("none yet");

        await japan.GetByRole(AriaRole.Button, new() { Name = "Vote to admit" }).ClickAsync();
        await Expect(japan.Locator("#vote-note")).ToHaveTextAsync("voted to admit Korea");
        await Expect(applications).ToContainTextAsync("to admit");
        await Expect(instructor.Locator("#application-list")).ToContainTextAsync("JPN to admit");
        await japan.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-team-vote.png"), FullPage = true });

        // Korea's own page has nothing to vote on: it is not a member.
        var (korea, koreaProblems) = await pages.OpenAsync(game.TeamPage(codes["KOR"]));
        await Expect(korea.Locator("#country")).ToHaveTextAsync("plays KOR");
        await Expect(korea.Locator("#applications")).ToBeHiddenAsync();
        var all = problems.Concat(japanProblems).Concat(koreaProblems).ToList();
        Assert.True(all.Count == 0, string.Join("\n", all));
    }
}
