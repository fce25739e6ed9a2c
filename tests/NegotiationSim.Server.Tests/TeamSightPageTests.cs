using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using NegotiationSim.Scenarios;
using NegotiationSim.Server.Wargame;
using NegotiationSim.Wargame;
using static Microsoft.Playwright.Assertions;

namespace NegotiationSim.Server.Tests;

/// <summary>A team's page under information rules: it shows the rows the team may see and says in words what it may not.</summary>
public sealed class TeamSightPageTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-sight-page-").FullName;
    private WebApplication? _app;
    private WargameSession? _session;
    private string _url = "";
    private string _key = "";

    public async Task InitializeAsync()
    {
        var path = Path.Combine(_dir, "sight.yaml");
        var yaml = $"name: sight\nextends: {Path.Combine(LiveHost.Repo(), "tests", "data", "gallium-negotiation.yaml")}\n" +
            "wargame:\n  teams_see: partners\n  partner_share: 0.3\n  others_delay: 1\n";
        await File.WriteAllTextAsync(path, yaml);
        var scenario = ScenarioLoader.Load(path);
        _app = WargameHost.Build("http://127.0.0.1:0", TimeProvider.System, async grains =>
        {
            (_session, _key, _) = await WargameSession.OpenAsync(scenario, "sight.yaml", yaml, Path.Combine(_dir, "game.jsonl"),
                new GameRules(600, TimeoutFill.Computer, 3), TimeProvider.System, grains);
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

    private async Task<HttpResponseMessage> InstructorAsync(HttpClient http, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/wargame/" + path) { Content = JsonContent.Create(body) };
        request.Headers.Add(WargameApi.KeyHeader, _key);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task TeamPage_ShowsItsOwnAndItsPartnersRows_AndSaysWhatIsHidden()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_url) };
        var added = await (await InstructorAsync(http, "teams", new { name = "Sakura", country = "JPN" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True((await InstructorAsync(http, "start", new { })).IsSuccessStatusCode);

        await using var browser = await Browser.LaunchAsync();
        var (japan, problems) = await browser.OpenAsync(_url + added.GetProperty("link").GetString());
        await Expect(japan.Locator("#country")).ToHaveTextAsync("plays JPN");
        // Round 1: others are a month late, so only Japan's own rows.
        await Expect(japan.Locator("#sight")).ToContainTextAsync("Rows of non-partners (countries trading less than 30% of your imports or exports of a mineral) are hidden by the scenario's information rules.");
        await Expect(japan.Locator("#sight")).ToContainTextAsync("Others are shown 1 round late: none yet.");
        await Expect(japan.Locator("#rows tbody tr").First).ToContainTextAsync("JPN");
        Assert.All(await japan.Locator("#rows tbody tr td:first-child").AllTextContentsAsync(), c => Assert.Equal("JPN", c));

        // Round 2: its partners' rows appear as of round 1, and only theirs.
        await japan.GetByRole(AriaRole.Button, new() { Name = "Submit move" }).ClickAsync();
        await Expect(japan.Locator("#clock")).ToContainTextAsync("round 2 of 3");
        await Expect(japan.Locator("#sight")).ToContainTextAsync("Others are shown as of " + _session!.Reports[0].Month + " (round 1, 1 round ago)");
        var partners = WargameViews.Sight(_session, "JPN").Rows().Select(r => r.Country).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.True(partners.Length is > 1 and < 6, string.Join(",", partners));
        await Expect(japan.Locator("#rows tbody tr")).ToHaveCountAsync(WargameViews.Sight(_session, "JPN").Rows().Count);
        var shown = (await japan.Locator("#rows tbody tr td:first-child").AllTextContentsAsync()).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(partners, shown);
        await japan.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "wargame-team-sight.png"), FullPage = true });
        Assert.Empty(problems);
    }
}
