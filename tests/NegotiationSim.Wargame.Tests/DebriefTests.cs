using System.Net.Http.Json;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Server.Wargame;
using Xunit.Abstractions;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// The debrief a class reviews: per team and round, what the team did next to what the computer did in its seat in the
/// re-run (with the computer's reasons), the rounds that made the gap, and the exports for grading.
/// </summary>
public sealed class DebriefTests(ITestOutputHelper output)
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 3);
    private static readonly int[] Modest = [2, 2, 1, 0, 0, 0, 0];

    /// <summary>Japan buys refined gallium from Korea in round 1; Korea defies the Section 232 threat and stays out.</summary>
    private static async Task<WargameServer> PlayAsync(string japanName = "Sakura", string koreaName = "Kimchi")
    {
        var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync(japanName, "JPN");
        var korea = await host.AddTeamAsync(koreaName, "KOR");
        await host.Instructor("POST start");
        Assert.True((await host.Team(japan, "POST offer", new { round = 1, partner = "KOR", role = "buy", mineral = "gallium", stage = "refined", levels = Modest })).IsSuccessStatusCode);
        Assert.True((await host.Team(korea, "POST answer", new { round = 1, offerId = "O1", accept = true })).IsSuccessStatusCode);
        Assert.True((await host.Team(japan, "POST move", new { round = 1, bloc = "Stay" })).IsSuccessStatusCode);
        Assert.True((await host.Team(korea, "POST move", new { round = 1, bloc = "Stay", threat = "Defy" })).IsSuccessStatusCode);
        Assert.Equal(2, host.Session.Game.Round);
        await host.Instructor("POST advance");
        return host;
    }

    private static Task<DebriefView> DebriefOf(WargameServer host) => host.Services.GetRequiredService<DebriefCache>().GetAsync(host.Session);

    [Fact]
    public async Task Debrief_ShowsTheComputersMovesAndReasonsNextToTheTeams()
    {
        await using var host = await PlayAsync();
        var d = await DebriefOf(host);
        var japan = d.Teams.Single(t => t.Country == "JPN");
        var korea = d.Teams.Single(t => t.Country == "KOR");
        foreach (var t in d.Teams) foreach (var r in t.Rounds) output.WriteLine($"{t.Country} {r.Round}: team {JsonSerializer.Serialize(r.Team)}\n   computer {JsonSerializer.Serialize(r.Computer)}");
        foreach (var t in d.Teams) foreach (var g in t.Gap) output.WriteLine($"{t.Country} gap: {DebriefSeat.Describe(g)}");

        Assert.Equal(3, japan.Rounds.Count); // simulated rounds 1..3 of a game that closed two rounds
        // Round 1 carries the deal agreed in game round 1 (signed as of round 1, in force from round 2, as a session's
        // agreement of round 1 would be) with its offer, and Korea's
        // defiance of the threat, next to the computer's answer having seen the same round.
        Assert.Contains(japan.Rounds[0].Team.Deals, x => x.StartsWith("W1: buys gallium refined from KOR", StringComparison.Ordinal));
        Assert.Contains(japan.Rounds[0].Team.Offers, x => x.StartsWith("O1 to KOR: buy gallium refined", StringComparison.Ordinal));
        Assert.Contains(korea.Rounds[0].Team.Deals, x => x.StartsWith("W1: sells gallium refined to JPN", StringComparison.Ordinal));
        Assert.Empty(japan.Rounds[1].Team.Deals);
        Assert.Equal("defy", korea.Rounds[0].Team.Threat);
        // The computer in Korea's seat faces the same threat from round 1 and answers it with its own bloc decision.
        Assert.Contains(korea.Rounds[0].Computer.Threat, new[] { "comply", "defy" });
        Assert.Equal(korea.Rounds[0].Computer.Bloc == "join" ? "comply" : "defy", korea.Rounds[0].Computer.Threat);
        // Every computer row says why: its bloc decision with its reasons, or why it stayed.
        foreach (var r in d.Teams.SelectMany(t => t.Rounds))
            Assert.Contains(r.Computer.Reasons, x => x.StartsWith("decides-to-", StringComparison.Ordinal) || x.StartsWith("stays ", StringComparison.Ordinal));
        Assert.Contains(korea.Rounds.SelectMany(r => r.Computer.Reasons), x => x.StartsWith("section232-threat: US names", StringComparison.Ordinal));
        // Differences and their running sum add up.
        foreach (var t in d.Teams)
        {
            var sum = 0.0;
            foreach (var r in t.Rounds)
            {
                Assert.Equal(r.Team.Welfare - r.Computer.Welfare, r.Difference, 6);
                Assert.Equal(sum += r.Difference, r.Cumulative, 6);
            }
        }
    }

    [Fact]
    public async Task Debrief_TellsTheStoryOfTheGap_FromTheRoundsItChangedMost()
    {
        await using var host = await PlayAsync();
        var d = await DebriefOf(host);
        var japan = d.Teams.Single(t => t.Country == "JPN");
        Assert.NotEmpty(japan.Gap);
        var biggest = japan.Rounds.Select((r, k) => (r.Round, Change: r.Difference - (k == 0 ? 0 : japan.Rounds[k - 1].Difference)))
            .MaxBy(x => Math.Abs(x.Change));
        var step = Assert.Single(japan.Gap, g => g.Round == biggest.Round);
        Assert.Equal(biggest.Change, step.Change, 6);
        Assert.False(string.IsNullOrWhiteSpace(step.Cause));
        Assert.Contains(japan.Gap.Select(DebriefSeat.Describe), x => x.Contains(" $/month ", StringComparison.Ordinal));
        // Japan's deal with Korea, signed as of round 1, is in force from round 2: the story names it there.
        Assert.Contains(japan.Gap, g => g.Round == 2 && g.Cause.Contains("the team's deal W1: buys gallium refined from KOR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_WhereMembersVoteOnNewcomers_ShowsATeamThatAppliedAsJoiningNotStaying()
    {
        // The classroom scenario's bloc admits newcomers by a members' vote: a team's join is an application.
        await using var host = await WargameServer.StartAsync(Path.Combine(WargameServer.Repo(), "scenarios", "classroom-wargame.yaml"), Rules);
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        Assert.True((await host.Team(korea, "POST move", new { round = 1, bloc = "Join" })).IsSuccessStatusCode);
        await host.Instructor("POST advance");
        Assert.Contains(host.Session.Reports[1].Events, e => e.Kind == "applies-to-join" && e.Country == "KOR");

        var first = (await DebriefOf(host)).Teams.Single().Rounds[0];
        Assert.Equal("join", first.Team.Bloc);
        Assert.Contains(first.Team.Reasons, r => r.StartsWith("applies-to-join: the team's decision", StringComparison.Ordinal));
        var csv = (await (await host.Instructor("debrief.csv")).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("join", Cells(csv[1])[7]);
    }

    [Fact]
    public async Task Team_ThatPickedItsCountryAndWasThenUnseated_IsStillInTheDebrief()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var body = await (await host.Instructor("POST teams", new { name = "Alpha" })).Content.ReadFromJsonAsync<JsonElement>();
        var alpha = body.GetProperty("code").GetString()!;
        Assert.True((await host.Team(alpha, "POST pick", new { country = "JPN" })).IsSuccessStatusCode);
        await host.Instructor("POST start");
        Assert.True((await host.Team(alpha, "POST move", new { round = 1, bloc = "Stay" })).IsSuccessStatusCode); // closes round 1
        Assert.True((await host.Instructor("POST seat", new { country = "JPN", teamId = "" })).IsSuccessStatusCode); // the computer takes over
        await host.Instructor("POST advance");

        var team = Assert.Single((await DebriefOf(host)).Teams);
        Assert.Equal(("Alpha", "JPN"), (team.TeamName, team.Country));
        // Round 1 was the team's; round 2 the computer's, and the grading export says so rather than crediting the team.
        Assert.Equal([true, false], team.Rounds.Take(2).Select(r => r.TeamPlayed));
        var csv = (await (await host.Instructor("debrief.csv")).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["team", "computer"], csv.Skip(1).Take(2).Select(l => Cells(l)[4]));
    }

    [Fact]
    public async Task Csv_HasARowPerTeamAndRound_WithTheTeamNextToTheComputer()
    {
        await using var host = await PlayAsync();
        var text = await (await host.Instructor("debrief.csv")).Content.ReadAsStringAsync();
        output.WriteLine(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("team,country,round,month,played_by,member,computer_member,bloc_move,computer_bloc_move,deals_signed,computer_deals_signed,"
            + "welfare,computer_welfare,difference,cumulative_difference,concessions", lines[0]);
        Assert.Equal(6, lines.Length - 1); // 2 teams × 3 simulated rounds
        var rows = lines.Skip(1).Select(Cells).ToArray();
        Assert.All(rows, r => Assert.Equal(16, r.Length));
        var japan = rows.Where(r => r[1] == "JPN").ToArray();
        Assert.Equal(["1", "2", "3"], japan.Select(r => r[2]));
        Assert.All(japan, r => Assert.Equal("Sakura", r[0]));
        Assert.StartsWith("W1: buys gallium refined from KOR", japan[0][9]);
        Assert.Equal("", japan[1][9]);
        var d = await DebriefOf(host);
        var seat = d.Teams.Single(t => t.Country == "JPN").Rounds;
        var cumulative = 0.0;
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(seat[k].Month, japan[k][3]);
            Assert.Equal("team", japan[k][4]); // Sakura held Japan throughout
            Assert.Equal(seat[k].Team.Member ? "yes" : "no", japan[k][5]);
            Assert.Equal(seat[k].Computer.Member ? "yes" : "no", japan[k][6]);
            var (mine, computer, diff, cum) = (D(japan[k][11]), D(japan[k][12]), D(japan[k][13]), D(japan[k][14]));
            // Money to the cent, never in exponent form (-1.8E-09 for two equal worlds is the solver's noise).
            Assert.Equal(Math.Round(seat[k].Team.Welfare, 2), mine);
            Assert.InRange(Math.Abs(mine - computer - diff), 0, 0.011);
            Assert.InRange(Math.Abs((cumulative += diff) - cum), 0, 0.011 * (k + 1));
            Assert.All(japan[k][11..15], x => Assert.DoesNotContain("E", x, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Team, the best", "\"Team, the best\"")]
    [InlineData("Sakura", "Sakura")]
    public void CsvField_DefusesFormulasAndQuotesSeparators(string name, string cell) => Assert.Equal(cell, DebriefExport.Field(name));

    [Fact]
    public async Task Csv_TeamNamedLikeAFormula_IsWrittenAsText_AndNegativeNumbersStayNumbers()
    {
        await using var host = await PlayAsync("=cmd|' /C calc'!A0", "-Kimchi");
        var lines = (await (await host.Instructor("debrief.csv")).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines.Skip(1), l => Assert.False(l[0] is '=' or '+' or '-' or '@', l));
        Assert.Contains(lines, l => l.StartsWith("'=cmd|' /C calc'!A0,JPN,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("'-Kimchi,KOR,", StringComparison.Ordinal));
        var differences = lines.Skip(1).Select(l => Cells(l)[13]).ToArray();
        Assert.All(differences, x => Assert.True(double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out _), x));
    }

    [Fact]
    public async Task Html_IsSelfContained_WithChartsInline_AndEscapesNamesEverywhere()
    {
        await using var host = await PlayAsync("<script>alert(1)</script>", "Kim & <b>Chi</b>");
        var html = await (await host.Instructor("debrief.html")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b>Chi</b>", html);
        Assert.Contains("<h2>&lt;script&gt;alert(1)&lt;/script&gt; (JPN)</h2>", html);
        Assert.Contains("<title>Welfare of &lt;script&gt;alert(1)&lt;/script&gt; (JPN), $/month</title>", html); // the chart's label too
        Assert.Contains("Kim &amp; &lt;b&gt;Chi&lt;/b&gt; (KOR)", html);
        // Charts inline (welfare per team, membership, a price chart per mineral); nothing fetched from elsewhere.
        Assert.True(html.Split("<svg ").Length - 1 >= 4);
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("The computer would have done, and why", html);
        Assert.Contains("deal W1: buys gallium refined from KOR", html);
        Assert.Contains("defy to the threat", html);
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>A CSV line split into cells (quoted cells may hold commas and doubled quotes).</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells.ToArray();
    }
}
