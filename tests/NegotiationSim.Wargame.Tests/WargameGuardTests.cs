using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NegotiationSim.Server.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// What the API must refuse or must not repeat: unseating a team by accident, echoing a pasted page back, telling a team
/// that offers between others exist, and journaling the same move or vote again and again.
/// </summary>
public sealed class WargameGuardTests : IDisposable
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 5);
    private static readonly int[] Modest = [2, 2, 1, 0, 0, 0, 0];
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-guard-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The gallium negotiation world with these lines added (e.g. a `wargame:` or `bloc:` section).</summary>
    private string Gallium(string extra)
    {
        var path = Path.Combine(_dir, "gallium.yaml");
        File.WriteAllText(path, $"name: guard\nextends: {WargameServer.Gallium}\n{extra}");
        return path;
    }

    private static object Offer(int round, string partner, string role, string? counters = null) =>
        new { round, partner, role, mineral = "gallium", stage = "refined", levels = Modest, counters };

    private static int JournalLines(WargameServer host, string kind) =>
        File.ReadAllLines(host.Session.JournalPath).Count(l => l.Contains($"\"kind\":\"{kind}\"", StringComparison.Ordinal));

    [Fact]
    public async Task AddTeam_AtACountryAnotherTeamPlays_IsRefusedSayingWhichTeam_UnlessReplaceIsAsked()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var sakura = await host.AddTeamAsync("Sakura", "JPN");

        var r = await host.Instructor("POST teams", new { name = "Ninjas", country = "JPN" });

        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.StartsWith("country: JPN is played by team 'Sakura' (t1)", await WargameServer.ErrorOf(r));
        Assert.Single(host.Session.Game.Teams); // no team half-added
        Assert.Equal("t1", host.Session.Game.Seats["JPN"]);
        Assert.Equal("JPN", (await (await host.Team(sakura, "team")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("country").GetString());

        // Said explicitly, the new team takes the seat and Sakura plays no country.
        r = await host.Instructor("POST teams", new { name = "Ninjas", country = "JPN", replace = true });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("t2", host.Session.Game.Seats["JPN"]);
        Assert.Equal(JsonValueKind.Null, (await (await host.Team(sakura, "team")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("country").ValueKind);
    }

    [Fact]
    public async Task OverlongValues_AreRefused_AndNeverEchoedBeyondAShortPrefix()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        var page = new string('x', 5000);
        var before = host.Session.Game.Inputs.Count;

        var refusals = new List<HttpResponseMessage>
        {
            await host.Team(japan, "POST offer", Offer(1, "KOR", "buy", counters: page)),
            await host.Team(japan, "POST answer", new { round = 1, offerId = page, accept = true }),
            await host.Team(japan, "POST pick", new { country = page }),
            await host.Team(japan, "POST vote", new { round = 1, applicant = page, admit = true }),
            await host.Team(japan, "POST offer", new { round = 1, partner = page[..3000], role = page[..3000], mineral = page[..3000], stage = page[..3000], levels = Modest }),
            await host.Team(japan, "POST move", new { round = 1, bloc = page }),
            await host.Instructor("POST teams", new { name = "Late", country = page }),
            await host.Instructor("POST teams", new { name = page }),
            await host.Instructor("POST seat", new { country = page, teamId = "t1" }),
            await host.Instructor("POST seat", new { country = "DEU", teamId = page }),
            await host.Instructor("POST message", new { text = page }),
            await host.Instructor($"POST teams/{page[..200]}/code"),
        };

        foreach (var r in refusals)
        {
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{r.StatusCode}: {body}");
            Assert.True(body.Length < 300, body);
            Assert.DoesNotContain(new string('x', WargameApi.Echo + 1), body);
        }
        Assert.Equal("country: 'xxxxxxxxxxxxxxxxxxxxxxxx…' is not in this game", await WargameServer.ErrorOf(refusals[6]));
        Assert.Equal("counters: the id of the offer this one answers, e.g. O3", await WargameServer.ErrorOf(refusals[0]));
        Assert.Equal(before, host.Session.Game.Inputs.Count);
    }

    [Fact]
    public async Task AnsweringOrCounteringAnOfferBetweenOthers_ReadsAsAnUnknownOffer_WhenOffersArePrivate()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        await host.AddTeamAsync("Kimchi", "KOR");
        var germany = await host.AddTeamAsync("Adler", "DEU");
        await host.Instructor("POST start");
        Assert.True((await host.Team(japan, "POST offer", Offer(1, "KOR", "buy"))).IsSuccessStatusCode); // O1: Japan to Korea

        var unknown = await host.Team(germany, "POST answer", new { round = 1, offerId = "O9", accept = true });
        var others = await host.Team(germany, "POST answer", new { round = 1, offerId = "O1", accept = true });
        var counter = await host.Team(germany, "POST offer", Offer(1, "JPN", "sell", counters: "O1"));

        Assert.Equal((HttpStatusCode.Conflict, "no offer O9"), (unknown.StatusCode, await WargameServer.ErrorOf(unknown)));
        Assert.Equal((HttpStatusCode.Conflict, "no offer O1"), (others.StatusCode, await WargameServer.ErrorOf(others)));
        Assert.Equal((HttpStatusCode.Conflict, "no offer O1"), (counter.StatusCode, await WargameServer.ErrorOf(counter)));
        // Japan made O1: it knows it exists, so it is told why it cannot answer it.
        Assert.Equal("offer O1 was not made to JPN", await WargameServer.ErrorOf(await host.Team(japan, "POST answer", new { round = 1, offerId = "O1", accept = true })));
        Assert.Equal(OfferStatus.Open, host.Session.Game.Offers["O1"].Status);
    }

    [Fact]
    public async Task AnsweringAnOfferBetweenOthers_SaysItWasNotMadeToThem_WhenOffersArePublic()
    {
        await using var host = await WargameServer.StartAsync(Gallium("wargame:\n  offers: public\n"), Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        await host.AddTeamAsync("Kimchi", "KOR");
        var germany = await host.AddTeamAsync("Adler", "DEU");
        await host.Instructor("POST start");
        await host.Team(japan, "POST offer", Offer(1, "KOR", "buy"));

        var r = await host.Team(germany, "POST answer", new { round = 1, offerId = "O1", accept = true });

        Assert.Equal("offer O1 was not made to DEU", await WargameServer.ErrorOf(r)); // Germany's page lists O1 anyway

        // China's computer answers Japan's O2 at once: Germany reads where O2 stands, not who (or what) answered it.
        await host.Team(japan, "POST offer", Offer(1, "CHN", "buy"));
        var o2 = (await (await host.Team(germany, "team")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("offers").EnumerateArray()
            .Single(o => o.GetProperty("id").GetString() == "O2");
        Assert.NotEqual("open", o2.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, o2.GetProperty("why").ValueKind);
    }

    [Fact]
    public async Task TheSameMoveAgain_IsAcknowledgedWithoutANewJournalLine_AChangedMoveIsJournaled()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        await host.AddTeamAsync("Sakura", "JPN"); // has not moved, so the round stays open
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");

        var replies = new List<JsonElement>();
        foreach (var bloc in new[] { "Stay", "Stay", "Stay", "Join", "Join" })
        {
            var r = await host.Team(korea, "POST move", new { round = 1, bloc });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            replies.Add(await r.Content.ReadFromJsonAsync<JsonElement>());
        }

        Assert.Equal(2, JournalLines(host, "move"));
        Assert.Equal(BlocChoice.Join, host.Session.Game.Moves["KOR"].Bloc);
        Assert.Equal("your move for round 1 was already recorded", replies[1].GetProperty("note").GetString());
        Assert.False(replies[3].TryGetProperty("unchanged", out _));
        Assert.True(replies[4].GetProperty("unchanged").GetBoolean());
    }

    [Fact]
    public async Task TheSameVoteAgain_IsAcknowledgedWithoutANewJournalLine_AChangedVoteIsJournaled()
    {
        await using var host = await WargameServer.StartAsync(Gallium("bloc:\n  admission: vote\n"), Rules);
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        await host.Instructor("POST start");
        await host.Team(korea, "POST move", new { round = 1, bloc = "Join" });
        await host.Team(japan, "POST move", new { round = 1, bloc = "Stay" }); // closes round 1: Korea applies
        Assert.Equal(2, host.Session.Game.Round);

        var notes = new List<string?>();
        foreach (var admit in new[] { true, true, false, false, true })
        {
            var r = await host.Team(japan, "POST vote", new { round = 2, applicant = "KOR", admit });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            notes.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("note", out var n) ? n.GetString() : null);
        }

        Assert.Equal(3, JournalLines(host, "vote"));
        Assert.Equal([null, "your vote on KOR in round 2 was already recorded", null, "your vote on KOR in round 2 was already recorded", null], notes);
        Assert.True(host.Session.Game.Votes[^1].Admit);
    }
}
