using System.Net.Http.Json;
using System.Text.Json;
using NegotiationSim.Core.Reports;
using NegotiationSim.Scenarios;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// Another country's events reach a team as news: what happened and when, never the decider's reasons, nor whether a
/// team or the computer decided. A team's own events keep their reasons; the instructor sees every reason.
/// </summary>
public sealed class PublicNewsTests : IDisposable
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 4);
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-news-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// The classroom scenario with an open bloc (a country that decides to join joins after its notice) and every row
    /// visible, so a team reads all of the other countries' events its rules allow: Germany's computer decides to join
    /// in round 1, with its reason in dollars.
    /// </summary>
    private string OpenClassroom()
    {
        var lines = File.ReadAllLines(Path.Combine(WargameServer.Repo(), "scenarios", "classroom-wargame.yaml"))
            .Where(l => !l.TrimStart().StartsWith("admission", StringComparison.Ordinal))
            .Select(l => l.StartsWith("  teams_see:", StringComparison.Ordinal) ? "  teams_see: all" : l)
            .Select(l => l.StartsWith("  others_delay:", StringComparison.Ordinal) ? "  others_delay: 0" : l);
        var path = Path.Combine(_dir, "open-classroom.yaml");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>What would tell a reader why another country acted, or that a team (not the computer) did.</summary>
    private static readonly string[] Private =
        ["$/month", "hysteresis", "security of supply", "the team's", "agreed by people", "credibility", "relies on China", "leakage", "push out"];

    private static async Task<List<JsonElement>> EventsOf(WargameServer host, string code) =>
        (await (await host.Team(code, "team")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("world").GetProperty("events").EnumerateArray().ToList();

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    [Fact]
    public async Task AnotherCountrysBlocDecision_ReadsAsTheFactAndItsMonth_WithoutItsReasonsOrWhoDecided()
    {
        await using var host = await WargameServer.StartAsync(OpenClassroom(), Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var india = await host.AddTeamAsync("Tigers", "IND");
        await host.Instructor("POST start");

        // Germany's computer decided to join in round 1 for reasons in dollars; the instructor reads them.
        var germany = Assert.Single(host.Session.Reports[0].Events, e => e is { Kind: "decides-to-join", Country: "DEU" });
        Assert.StartsWith("in beats out by", germany.Reason);
        var instructor = await (await host.Instructor("instructor")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(instructor.GetProperty("world").GetProperty("events").EnumerateArray(),
            e => Text(e, "country") == "DEU" && Text(e, "kind") == "decides-to-join" && Text(e, "reason") == germany.Reason);

        // Japan reads that Germany decided, and when it takes effect (notice 1: the next month), but not why.
        var seen = Assert.Single(await EventsOf(host, japan), e => Text(e, "country") == "DEU" && Text(e, "kind") == "decides-to-join");
        Assert.Equal("Germany decided to join FORGE; it takes effect in 2026-03", Text(seen, "reason"));
        Assert.Equal("NaN", Text(seen, "value"));

        // India's team decides to join in game round 1: its own page keeps its reason; Japan's reads it exactly as the
        // computer's decision, with the month it takes effect (the month India joins).
        await host.Team(india, "POST move", new { round = 1, bloc = "Join" });
        await host.Team(japan, "POST move", new { round = 1, bloc = "Stay" });
        Assert.Equal(2, host.Session.Game.Round);
        var joined = Assert.Single(host.Session.Reports.SelectMany(r => r.Events), e => e is { Kind: "joined", Country: "IND" });
        var indiaNews = Assert.Single(await EventsOf(host, japan), e => Text(e, "country") == "IND" && Text(e, "kind") == "decides-to-join");
        Assert.Equal($"India decided to join FORGE; it takes effect in {host.Session.Reports[joined.Round - 1].Month}", Text(indiaNews, "reason"));
        Assert.Contains(await EventsOf(host, india), e => Text(e, "country") == "IND" && Text(e, "kind") == "decides-to-join" && Text(e, "reason") == "the team's decision");

        // Nothing Japan reads about another country gives a reason away: threats, China's licences, every public kind.
        var others = (await EventsOf(host, japan)).Where(e => Text(e, "country") != "JPN").ToList();
        Assert.Contains(others, e => Text(e, "kind") == "section232-threat");
        Assert.Contains(others, e => Text(e, "kind") == "export-control-announced");
        Assert.All(others, e => Assert.DoesNotContain(Private, p => Text(e, "reason").Contains(p, StringComparison.Ordinal)));
        Assert.Contains(others, e => Text(e, "reason") == "US names Germany: join the bloc (or agree) by round 4 or face 25 % on refined+product exports");
    }

    [Fact]
    public void Ballots_Floods_AndPeoplesDeals_ReadWithoutReasons()
    {
        var news = new PublicNews(ScenarioLoader.Load(OpenClassroom()));
        RunEvent E(string kind, string country, double value, string reason, string mineral = "", string stage = "") =>
            new(3, kind, country, mineral, stage, value, reason);

        Assert.Equal("Japan voted to refuse Republic of Korea (KOR)",
            news.Tell(E("votes-to-refuse", "JPN", -5e6, "on Republic of Korea (KOR): admitting Republic of Korea costs it 5,000,000 $/month, more than its hysteresis band 1,000")).Reason);
        Assert.Equal("Japan voted to admit Republic of Korea (KOR)", news.Tell(E("votes-to-admit", "JPN", 0, "on Republic of Korea (KOR): the team's vote")).Reason);
        Assert.True(double.IsNaN(news.Tell(E("votes-to-admit", "JPN", 2e5, "on Republic of Korea (KOR): admitting …")).Value));
        Assert.Equal("Republic of Korea applied to join FORGE; member teams vote on it now; the votes are counted in 2026-05",
            news.Tell(E("applies-to-join", "KOR", 0, "the team's decision; the members vote next round (majority)")).Reason);
        Assert.Equal("China subsidises exports of refined Gallium by 30 % for 6 rounds",
            news.Tell(E("flood", "CHN", 0.3, "non-China refining capacity grew 12.0 % in a year (> 10 %): China subsidises refined exports by 30 % for 6 rounds", "gallium", "refined")).Reason);
        Assert.Equal("W4 with Japan: offtake 10%",
            news.Tell(E("deal-signed", "KOR", 12, "W4 with Japan, agreed by people: offtake 10%", "gallium", "refined")).Reason);
        Assert.Equal("S0002 with Japan: offtake 10%",
            news.Tell(E("deal-signed", "KOR", 12, "S0002 with Japan after 7 offers: offtake 10%", "gallium", "refined")).Reason);
        Assert.Equal("Rest of world orders new refined Lithium capacity: +695.7 t/month, due in 2027-02",
            news.Tell(E("invest", "ROW", 695.7, "expected value added 12626 ≥ hurdle: +695.7 t/month due in round 13", "lithium", "refined")).Reason);
        // One round, one offer: the engine says so in the singular, and the news still drops how a computer bargained.
        Assert.Equal("China subsidises exports of refined Gallium by 30 % for 1 round",
            news.Tell(E("flood", "CHN", 0.3, "non-China refining capacity grew 12.0 % in a year (> 10 %): China subsidises refined exports by 30 % for 1 round", "gallium", "refined")).Reason);
        Assert.Equal("S0003 with Japan: offtake 10%",
            news.Tell(E("deal-signed", "KOR", 12, "S0003 with Japan after 1 offer: offtake 10%", "gallium", "refined")).Reason);
        // A team's decision to leave in game round 3 (reported in round 4) takes effect when a computer's of round 3 would: notice 2.
        Assert.Equal("Japan decided to leave FORGE; it takes effect in 2026-06", news.Tell(new RunEvent(4, "decides-to-leave", "JPN", "", "", 0, "the team's decision")).Reason);
        Assert.Equal("Japan decided to leave FORGE; it takes effect in 2026-06", news.Tell(E("decides-to-leave", "JPN", -3e6, "out beats in by 3E+06 $/month: alignment -1 $")).Reason);
    }
}
