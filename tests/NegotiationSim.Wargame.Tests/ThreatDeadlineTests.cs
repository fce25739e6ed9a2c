using System.Net.Http.Json;
using System.Text.Json;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// A Section 232 threat as a team meets it: an answer given in the round before the deadline (when a computer's decision
/// still meets it) counts, and the team's page stops listing a threat once it has ended, however it ended.
/// </summary>
public sealed class ThreatDeadlineTests
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 6);

    /// <summary>Korea (a team) faces "join the bloc (or agree) by round 4" from round 1 (tests/data/gallium-negotiation.yaml).</summary>
    private static async Task<(WargameServer Host, string Korea)> KoreaAtRoundAsync(int round)
    {
        var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        while (host.Session.Game.Round < round) await host.Instructor("POST advance");
        return (host, korea);
    }

    private static IEnumerable<RunEvent> Korea232(WargameServer host) => host.Session.Reports.SelectMany(r => r.Events)
        .Where(e => e.Country == "KOR" && (e.Kind.StartsWith("section232-", StringComparison.Ordinal) || e.Kind is "joined" or "decides-to-join"));

    private static async Task<string[]> ThreatsOnPage(WargameServer host, string team) =>
        (await (await host.Team(team, "team")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("threats").EnumerateArray()
            .Select(t => t.GetString()!).ToArray();

    [Fact]
    public async Task Complying_InTheRoundBeforeTheDeadline_JoinsByTheDeadlineAndNoDutyFalls()
    {
        var (host, korea) = await KoreaAtRoundAsync(3);
        await using var _ = host;
        Assert.Contains(await ThreatsOnPage(host, korea), t => t.Contains("by round 4", StringComparison.Ordinal));
        Assert.True((await host.Team(korea, "POST move", new { round = 3, bloc = "stay", threat = "comply" })).IsSuccessStatusCode);
        Assert.Equal(4, host.Session.Game.Round); // the only team moved: the round closed

        var round4 = host.Session.Reports[3];
        Assert.Contains("KOR", round4.Members); // joined in round 4, as a computer that decided in round 3 would
        Assert.Contains(round4.Events, e => e.Country == "KOR" && e.Kind == "joined");
        Assert.Contains(round4.Events, e => e.Country == "KOR" && e.Kind == "section232-ended");
        Assert.DoesNotContain(Korea232(host), e => e.Kind is "section232-imposed" or "section232-lapsed");
        Assert.Empty(await ThreatsOnPage(host, korea));
    }

    [Fact]
    public async Task Complying_InTheDeadlineRound_IsTooLate_AndThePageDropsTheEndedThreat()
    {
        var (host, korea) = await KoreaAtRoundAsync(4);
        await using var _ = host;
        // Round 4 judged the deadline before the team could answer in it: a duty or a lapse, never a standing threat.
        var ended = Assert.Single(Korea232(host), e => e.Kind is "section232-imposed" or "section232-lapsed");
        Assert.Equal(4, ended.Round);
        Assert.Empty(await ThreatsOnPage(host, korea));
        Assert.True((await host.Team(korea, "POST move", new { round = 4, bloc = "join" })).IsSuccessStatusCode);
        await host.Instructor("POST advance");
        Assert.Contains("KOR", host.Session.Reports[^1].Members);
        Assert.Empty(await ThreatsOnPage(host, korea)); // after the deadline and after joining
    }

    [Fact]
    public async Task DutyThatLanded_IsShownOnThePage_AndJoiningTheBlocLiftsIt()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var germany = await host.AddTeamAsync("Adler", "DEU");
        await host.Instructor("POST start");
        // A threat the US is sure to carry out: named in round 2, deadline round 3.
        Assert.True((await host.Instructor("POST inject", new { kind = "section232", country = "DEU", credibility = 1.0, duration = 1 })).IsSuccessStatusCode);
        await host.Instructor("POST advance");
        await host.Instructor("POST advance");
        Assert.Contains(host.Session.Reports[2].Events, e => e.Country == "DEU" && e.Kind == "section232-imposed");

        static async Task<string?> Duty(WargameServer host, string team) =>
            (await (await host.Team(team, "team")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duty").GetString();
        Assert.Equal("25 % duty on refined+product exports to the US, since 2023-08; joining the bloc or a deal with the US lifts it", await Duty(host, germany));

        Assert.True((await host.Team(germany, "POST move", new { round = 3, bloc = "join" })).IsSuccessStatusCode); // closes round 3
        var round4 = host.Session.Reports[3];
        Assert.Contains("DEU", round4.Members);
        Assert.Equal("duty lifted: the target joined the bloc", Assert.Single(round4.Events, e => e.Country == "DEU" && e.Kind == "section232-ended").Reason);
        Assert.Null(await Duty(host, germany));
    }
}
