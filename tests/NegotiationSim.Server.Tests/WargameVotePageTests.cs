using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using NegotiationSim.Scenarios;
using NegotiationSim.Server.Wargame;
using NegotiationSim.Wargame;
using static Microsoft.Playwright.Assertions;

namespace NegotiationSim.Server.Tests;

/// <summary>
/// A bloc that admits by vote, in browsers: Korea's team applies, Japan's team (a member) sees the application with what
/// admission is worth to it and votes from its page, and the instructor's page shows the vote.
/// </summary>
public sealed class WargameVotePageTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-wargame-votes-").FullName;
    private WebApplication? _app;
    private WargameSession? _session;
    private string _url = "";
    private string _key = "";

    public async Task InitializeAsync()
    {
        var path = Path.Combine(_dir, "gallium-vote.yaml");
        await File.WriteAllTextAsync(path, "name: Gallium vote (test)\nextends: " + Path.Combine(LiveHost.Repo(), "tests", "data", "gallium-negotiation.yaml")
            + "\nbloc:\n  admission: vote\n");
        var scenario = ScenarioLoader.Load(path);
        var yaml = await File.ReadAllTextAsync(path);
        _app = WargameHost.Build("http://127.0.0.1:0", TimeProvider.System, async grains =>
        {
            (_session, _key, _) = await WargameSession.OpenAsync(scenario, "gallium-vote.yaml", yaml,
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

    private async Task<JsonElement> PostAsync(HttpClient http, string path, string header, string secret, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_url}/api/wargame/{path}") { Content = JsonContent.Create(body) };
        request.Headers.Add(header, secret);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task MemberTeam_VotesOnAnApplicationFromItsPage_AndTheInstructorSeesTheVote()
    {
        using var http = new HttpClient();
        var codes = new Dictionary<string, string>();
        foreach (var (name, country) in new[] { ("Kimchi", "KOR"), ("Sakura", "JPN") })
            codes[country] = (await PostAsync(http, "teams", WargameApi.KeyHeader, _key, new { name, country })).GetProperty("code").GetString()!;
        await PostAsync(http, "start", WargameApi.KeyHeader, _key, new { });
        await PostAsync(http, "move", WargameApi.CodeHeader, codes["KOR"], new { round = 1, bloc = "Join" });
        await PostAsync(http, "move", WargameApi.CodeHeader, codes["JPN"], new { round = 1, bloc = "Stay" }); // closes round 1: Korea applies

        await using var browser = await Browser.LaunchAsync();
        var (japan, japanProblems) = await browser.OpenAsync($"{_url}/wargame/team.html#code={codes["JPN"]}");
        var (instructor, problems) = await browser.OpenAsync($"{_url}/wargame/instructor.html#key={_key}");
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
        var (korea, koreaProblems) = await browser.OpenAsync($"{_url}/wargame/team.html#code={codes["KOR"]}");
        await Expect(korea.Locator("#country")).ToHaveTextAsync("plays KOR");
        await Expect(korea.Locator("#applications")).ToBeHiddenAsync();
        var all = problems.Concat(japanProblems).Concat(koreaProblems).ToList();
        Assert.True(all.Count == 0, string.Join("\n", all));
    }
}
