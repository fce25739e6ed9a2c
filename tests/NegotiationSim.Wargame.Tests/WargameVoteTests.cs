using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// A bloc that admits by vote, played by a class: Korea's team applies, the member teams see the application with what
/// admission is worth to them and vote from their page; a non-member, a made-up applicant or a wrong code is refused, and
/// a team's code votes only for its own country. The votes are cast in the next round's bloc phase.
/// </summary>
public sealed class WargameVoteTests : IDisposable
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 4);
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-votes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The gallium negotiation world with a bloc (founders USA and JPN) that admits by a majority vote.</summary>
    private string ByVote()
    {
        var path = Path.Combine(_dir, "gallium-vote.yaml");
        File.WriteAllText(path, $"name: Gallium vote (test)\nextends: {Path.Combine(WargameServer.Repo(), "tests", "data", "gallium-negotiation.yaml")}\nbloc:\n  admission: vote\n");
        return path;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task MoveAsync(WargameServer host, string code, int round, string bloc = "Stay") =>
        await Json(await host.Team(code, "POST move", new { round, bloc }));

    [Fact]
    public async Task MembersVoteFromTheirPage_OthersAreRefused_AndTheVotesDecideTheApplicationNextRound()
    {
        await using var host = await WargameServer.StartAsync(ByVote(), Rules);
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var usa = await host.AddTeamAsync("Eagles", "USA");
        var germany = await host.AddTeamAsync("Bären", "DEU");
        await host.Instructor("POST start");
        await MoveAsync(host, korea, 1, "Join");
        foreach (var c in new[] { japan, usa, germany }) await MoveAsync(host, c, 1); // closes round 1: Korea applies

        var japanView = await Json(await host.Team(japan, "team"));
        var application = Assert.Single(japanView.GetProperty("applications").EnumerateArray(), a => a.GetProperty("applicant").GetString() == "KOR");
        // A member reads the application as news: not why Korea applied, nor that its team (not the computer) did.
        Assert.Matches(@"^.+ applied to join .+; member teams vote on it now; the votes are counted in \d{4}-\d{2}$", application.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Number, application.GetProperty("worthToMe").ValueKind); // what admitting Korea is worth to Japan
        Assert.Equal(JsonValueKind.Null, application.GetProperty("myVote").ValueKind);
        Assert.Empty((await Json(await host.Team(germany, "team"))).GetProperty("applications").EnumerateArray()); // not a member: nothing to vote on

        // Refused: a non-member, an applicant with no application, a made-up country, a wrong code.
        var journaled = host.Session.Game.Inputs.Count;
        var r = await host.Team(germany, "POST vote", new { round = 2, applicant = "KOR", admit = true });
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Equal("only members of the bloc vote; DEU is not a member", await WargameServer.ErrorOf(r));
        r = await host.Team(japan, "POST vote", new { round = 2, applicant = "DEU", admit = true });
        Assert.Equal("DEU has no application before the bloc this round", await WargameServer.ErrorOf(r));
        r = await host.Team(japan, "POST vote", new { round = 2, applicant = "XXX", admit = true });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        r = await host.Team("NOT-A-CODE", "POST vote", new { round = 2, applicant = "KOR", admit = true });
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        r = await host.Team(japan, "POST vote", new { round = 1, applicant = "KOR", admit = true });
        Assert.Equal("round 1 is not the current round (2)", await WargameServer.ErrorOf(r));
        Assert.Equal(journaled, host.Session.Game.Inputs.Count);

        // Japan's code votes for Japan only, whatever country the request names; the US team does not vote.
        await Json(await host.Team(japan, "POST vote", new { round = 2, applicant = "KOR", admit = true }));
        await Json(await host.Team(japan, "POST vote", new { round = 2, applicant = "KOR", admit = false, country = "USA" })); // changes its mind
        var instructor = await Json(await host.Instructor("instructor"));
        var votes = Assert.Single(instructor.GetProperty("applications").EnumerateArray(), a => a.GetProperty("applicant").GetString() == "KOR").GetProperty("votes");
        Assert.Equal("""{"JPN":"refuse"}""", votes.GetRawText());
        Assert.Equal("refuse", Assert.Single((await Json(await host.Team(japan, "team"))).GetProperty("applications").EnumerateArray(),
            a => a.GetProperty("applicant").GetString() == "KOR").GetProperty("myVote").GetString());

        foreach (var c in new[] { korea, japan, usa, germany }) await MoveAsync(host, c, 2); // closes round 2: the vote is cast
        var events = host.Session.Reports[^1].Events;
        Assert.Contains(events, e => e is { Kind: "votes-to-refuse", Country: "JPN" } && e.Reason.EndsWith("the team's vote", StringComparison.Ordinal));
        Assert.Contains(events, e => e is { Kind: "abstains", Country: "USA" } && e.Reason.EndsWith("the team did not vote", StringComparison.Ordinal));
        var verdict = Assert.Single(events, e => e.Country == "KOR" && e.Kind is "admitted" or "refused");
        Assert.Equal("refused", verdict.Kind);
        Assert.Equal("0 of 1 vote cast to admit (majority: more than half of the votes cast); 1 abstained", verdict.Reason);
        Assert.DoesNotContain("KOR", host.Session.Reports[^1].Members);
        // Korea's team sees the verdict on its application.
        var koreaEvents = (await Json(await host.Team(korea, "team"))).GetProperty("world").GetProperty("events").EnumerateArray();
        Assert.Contains(koreaEvents, e => e.GetProperty("kind").GetString() == "refused" && e.GetProperty("country").GetString() == "KOR");
    }

    [Fact]
    public async Task TeamWhoseCountryJoinsAsTheVotesAreCounted_IsNotCountedAsAbstaining()
    {
        // Korea applies in round 1 and is admitted; Germany applies a round later. When Germany's application is counted,
        // Korea has just joined: its team saw it outside the bloc while voting was open, and was refused a ballot.
        await using var host = await WargameServer.StartAsync(ByVote(), Rules with { Rounds = 6 });
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        var germany = await host.AddTeamAsync("Adler", "DEU");
        await host.Instructor("POST start");
        await MoveAsync(host, korea, 1, "Join");
        await MoveAsync(host, germany, 1);
        await MoveAsync(host, korea, 2);
        await MoveAsync(host, germany, 2, "Join");
        while (host.Session.Game.Phase == GamePhase.Running && !host.Session.Reports.Any(r => r.Events.Any(e => e.Country == "DEU" && e.Kind is "admitted" or "refused")))
        {
            var round = host.Session.Game.Round;
            var vote = await host.Team(korea, "POST vote", new { round, applicant = "DEU", admit = false });
            if (!vote.IsSuccessStatusCode) Assert.StartsWith("only members of the bloc vote", await WargameServer.ErrorOf(vote));
            await MoveAsync(host, korea, round);
            await MoveAsync(host, germany, round);
        }
        var counted = Assert.Single(host.Session.Reports, r => r.Events.Any(e => e.Country == "DEU" && e.Kind is "admitted" or "refused"));
        Assert.Contains(counted.Events, e => e.Country == "KOR" && e.Kind == "joined"); // the case this test is about
        Assert.DoesNotContain(counted.Events, e => e.Country == "KOR" && e.Kind is "abstains" or "votes-to-admit" or "votes-to-refuse");
        Assert.DoesNotContain("abstained", Assert.Single(counted.Events, e => e.Country == "DEU" && e.Kind is "admitted" or "refused").Reason);
    }
}
