using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NegotiationSim.Server.Wargame;
using NegotiationSim.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>The war-game API as a class and an attacker meet it: forged, replayed and cross-team requests, bad input, a deal.</summary>
public sealed class WargameApiTests
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 5);
    private static readonly int[] Modest = [2, 2, 1, 0, 0, 0, 0]; // 10% offtake at the reference price for 36 months

    private static object Offer(int round, string partner, string role) =>
        new { round, partner, role, mineral = "gallium", stage = "refined", levels = Modest };

    [Fact]
    public async Task Forged_WithoutOrWithAWrongSecret_IsRefusedAndNothingIsJournaled()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var code = await host.AddTeamAsync("Sakura", "JPN");
        await host.Instructor("POST start");
        var before = host.Session.Game.Inputs.Count;

        Assert.Equal(HttpStatusCode.Forbidden, (await host.Team("", "POST move", new { round = 1, bloc = "Join" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Team(Secrets.NewCode(), "POST move", new { round = 1, bloc = "Join" })).StatusCode);
        // A team's code is not the instructor's key, and a guessed key does nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Instructor("POST advance", key: code)).StatusCode);
        var wrong = await host.Instructor("POST message", new { text = "free points" }, key: Secrets.NewCode());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("instructor key missing or wrong", await WargameServer.ErrorOf(wrong));
        Assert.Equal(before, host.Session.Game.Inputs.Count);
        Assert.Equal(1, host.Session.Game.Round);
    }

    [Fact]
    public async Task CrossTeam_AnsweringAnotherTeamsOffer_IsRefusedAndTheOfferStaysOpen()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        var germany = await host.AddTeamAsync("Adler", "DEU");
        await host.Instructor("POST start");
        Assert.True((await host.Team(japan, "POST offer", Offer(1, "KOR", "buy"))).IsSuccessStatusCode);

        var stolen = await host.Team(germany, "POST answer", new { round = 1, offerId = "O1", accept = true });
        Assert.Equal(HttpStatusCode.Conflict, stolen.StatusCode);
        Assert.Equal("no offer O1", await WargameServer.ErrorOf(stolen)); // offers are private: as if O1 did not exist
        Assert.Equal(OfferStatus.Open, host.Session.Game.Offers["O1"].Status);
        // Korea's own answer goes through.
        Assert.True((await host.Team(korea, "POST answer", new { round = 1, offerId = "O1", accept = true })).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Replayed_AnswerAndStaleMove_AreRefusedAndJournaledOnce()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        await host.Team(japan, "POST offer", Offer(1, "KOR", "buy"));
        var accept = new { round = 1, offerId = "O1", accept = true };
        Assert.True((await host.Team(korea, "POST answer", accept)).IsSuccessStatusCode);
        var again = await host.Team(korea, "POST answer", accept);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("offer O1 is already accepted", await WargameServer.ErrorOf(again));

        Assert.True((await host.Team(korea, "POST move", new { round = 1, bloc = "Join" })).IsSuccessStatusCode);
        await host.Instructor("POST advance");
        var stale = await host.Team(korea, "POST move", new { round = 1, bloc = "Join" });
        Assert.Equal("round 1 is not the current round (2)", await WargameServer.ErrorOf(stale));
        Assert.Single(host.Session.Game.Inputs.OfType<OfferAnswered>());
        Assert.Single(host.Session.Game.Inputs.OfType<MoveSubmitted>());
    }

    [Fact]
    public async Task BadInput_IsAnsweredWithWhatIsWrong()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        await host.Instructor("POST start");

        var wrongType = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/wargame/move")
        {
            Headers = { { WargameApi.CodeHeader, japan } },
            Content = new StringContent("{\"round\":\"one\",\"bloc\":\"Join\"}", System.Text.Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("round: a whole number of at most 2,147,483,647", await WargameServer.ErrorOf(wrongType));

        var level = await host.Team(japan, "POST offer", new { round = 1, partner = "KOR", role = "buy", mineral = "gallium", stage = "refined", levels = new[] { 9, 0, 0, 0, 0, 0, 0 } });
        Assert.Equal("levels[0] (offtake): 0..4", await WargameServer.ErrorOf(level));
        var self = await host.Team(japan, "POST offer", Offer(1, "JPN", "buy"));
        Assert.Equal("partner: another country than your own", await WargameServer.ErrorOf(self));
        var longName = await host.Instructor("POST teams", new { name = new string('x', 41) });
        Assert.Equal("name: 1 to 40 characters", await WargameServer.ErrorOf(longName));
        var huge = await host.Instructor("POST message", new { text = new string('x', 40_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("body: at most 16 KiB", await WargameServer.ErrorOf(huge)); // in the errors list the pages show
        Assert.Empty(host.Session.Game.Messages);
    }

    /// <summary>A body the server cannot read is told by the field and what it takes, never by .NET's type names.</summary>
    [Theory]
    [InlineData("move", """{"round":1.5,"bloc":"Join"}""", "round: a whole number of at most 2,147,483,647")]
    [InlineData("move", """{"round":1,"bloc":"Maybe"}""", "bloc: one of Stay, Join, Leave")]
    [InlineData("offer", """{"round":1,"partner":"KOR","role":"buy","mineral":"gallium","stage":"refined","levels":"2,2,1"}""", "levels: a list in [ ]")]
    [InlineData("offer", """{"round":1,"partner":"KOR","role":"buy","mineral":"gallium","stage":"refined","levels":[2,"x",1]}""", "levels[1]: a whole number of at most 2,147,483,647")]
    [InlineData("offer", """{"round":1,"partner":42}""", "partner: text in quotes")]
    [InlineData("answer", """{"round":1,"offerId":"O1","accept":"yes"}""", "accept: true or false")]
    [InlineData("move", """{"round":1,"bloc":""", "bloc: not valid JSON here (line 1, byte 19)")]
    [InlineData("move", "", "body: a JSON object is required")]
    [InlineData("move", """{"round":99999999999,"bloc":"Join"}""", "round: a whole number of at most 2,147,483,647")]
    public async Task UnreadableBody_IsToldByFieldAndWhatItTakes(string path, string body, string error)
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        await host.Instructor("POST start");
        var before = host.Session.Game.Inputs.Count;
        var r = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/wargame/" + path)
        {
            Headers = { { WargameApi.CodeHeader, japan } },
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(error, await WargameServer.ErrorOf(r));
        Assert.Equal(before, host.Session.Game.Inputs.Count);
    }

    [Fact]
    public async Task Counter_ReplacesTheOfferAndOnlyItsAddresseeCanMakeIt()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        await host.Team(japan, "POST offer", Offer(1, "KOR", "buy"));
        var dearer = new { round = 1, partner = "JPN", role = "sell", mineral = "gallium", stage = "refined", levels = new[] { 2, 4, 1, 0, 0, 0, 0 }, counters = "O1" };

        Assert.Equal("offer O1 was not made to JPN", await WargameServer.ErrorOf(await host.Team(japan, "POST offer", dearer with { partner = "KOR", role = "buy" })));
        Assert.True((await host.Team(korea, "POST offer", dearer)).IsSuccessStatusCode);
        Assert.Equal(OfferStatus.Countered, host.Session.Game.Offers["O1"].Status);
        Assert.Equal(("KOR", "JPN", "O1"), (host.Session.Game.Offers["O2"].From, host.Session.Game.Offers["O2"].To, host.Session.Game.Offers["O2"].Counters));
        Assert.Equal("offer O1 is already countered", await WargameServer.ErrorOf(await host.Team(korea, "POST answer", new { round = 1, offerId = "O1", accept = true })));
        Assert.True((await host.Team(japan, "POST answer", new { round = 1, offerId = "O2", accept = true })).IsSuccessStatusCode);
        // The counter is worth more to the seller than the first offer was: the price is higher.
        Assert.True(host.Session.Values["O2"].Seller > host.Session.Values["O1"].Seller);
    }

    [Fact]
    public async Task Counter_OnAnotherMineralOrSide_IsRefused_TheOfferStaysOpen()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        Assert.True((await host.Team(japan, "POST offer", Offer(1, "KOR", "buy"))).IsSuccessStatusCode); // O1: Japan buys refined gallium
        var otherStage = await host.Team(korea, "POST offer", new { round = 1, partner = "JPN", role = "sell", mineral = "gallium", stage = "product", levels = Modest, counters = "O1" });
        Assert.Equal("counters: a counter to O1 is on its deal (sell gallium refined); change its terms, or make a new offer that counters nothing",
            await WargameServer.ErrorOf(otherStage));
        var otherSide = await host.Team(korea, "POST offer", new { round = 1, partner = "JPN", role = "buy", mineral = "gallium", stage = "refined", levels = Modest, counters = "O1" });
        Assert.Equal(HttpStatusCode.BadRequest, otherSide.StatusCode);
        Assert.Equal(OfferStatus.Open, host.Session.Game.Offers["O1"].Status);
        Assert.True((await host.Team(korea, "POST offer", new { round = 1, partner = "JPN", role = "sell", mineral = "gallium", stage = "refined", levels = new[] { 2, 3, 1, 0, 0, 0, 0 }, counters = "O1" })).IsSuccessStatusCode);
        Assert.Equal(OfferStatus.Countered, host.Session.Game.Offers["O1"].Status);
    }

    [Fact]
    public async Task NewCode_ReplacesALostOneAndTheOldCodeStopsWorking()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var old = await host.AddTeamAsync("Sakura", "JPN");
        var reissued = await (await host.Instructor("POST teams/t1/code")).Content.ReadFromJsonAsync<JsonElement>();
        var code = reissued.GetProperty("code").GetString()!;
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Team(old, "team")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Team(code, "team")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Team(code, "POST teams/t1/code")).StatusCode);
        Assert.Equal("no team 't9'", await WargameServer.ErrorOf(await host.Instructor("POST teams/t9/code")));
    }

    [Fact]
    public async Task Pick_ATeamChoosesAFreeCountryOnlyOnce_AndNotOneAnotherTeamPlays()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        await host.AddTeamAsync("Sakura", "JPN");
        var free = (await (await host.Instructor("POST teams", new { name = "Kimchi" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var view = await (await host.Team(free, "team")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain("JPN", view.GetProperty("freeSeats").EnumerateArray().Select(e => e.GetString()));

        Assert.Equal("JPN is already played by a team", await WargameServer.ErrorOf(await host.Team(free, "POST pick", new { country = "JPN" })));
        Assert.True((await host.Team(free, "POST pick", new { country = "KOR" })).IsSuccessStatusCode);
        Assert.Equal("your team already plays KOR", await WargameServer.ErrorOf(await host.Team(free, "POST pick", new { country = "DEU" })));
        Assert.Equal("t2", host.Session.Game.Seats["KOR"]);
    }

    [Fact]
    public async Task RateLimit_RefusesAFloodFromOneTeamButNotTheOthers()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        var statuses = new List<HttpStatusCode>();
        for (var k = 0; k < RateLimiter.Limit + 5; k++) statuses.Add((await host.Team(japan, "POST move", new { round = 1, bloc = "Stay" })).StatusCode);
        Assert.Equal(RateLimiter.Limit, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // The same move again is acknowledged but journaled once.
        Assert.Single(host.Session.Game.Inputs.OfType<MoveSubmitted>());
        Assert.Equal(HttpStatusCode.OK, (await host.Team(korea, "POST move", new { round = 1, bloc = "Stay" })).StatusCode);
    }

    [Fact]
    public async Task Deal_AgreedByTwoTeams_IsSignedInTheNextRoundAndAComputerAnswersOffersToItsSeat()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");

        var value = await (await host.Team(japan, "POST value", Offer(1, "KOR", "buy"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("offtake 10%", value.GetProperty("terms").GetString());
        Assert.NotEqual(0, value.GetProperty("value").GetDouble());

        // China is played by the computer: its strategy answers at once, with its reason.
        var toChina = await (await host.Team(japan, "POST offer", Offer(1, "CHN", "buy"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual("open", toChina.GetProperty("status").GetString());
        Assert.Contains("China", toChina.GetProperty("why").GetString());

        await host.Team(japan, "POST offer", Offer(1, "KOR", "buy"));
        Assert.True((await host.Team(korea, "POST answer", new { round = 1, offerId = "O2", accept = true })).IsSuccessStatusCode);
        await host.Team(japan, "POST move", new { round = 1, bloc = "Stay" });
        await host.Team(korea, "POST move", new { round = 1, bloc = "Join" });

        // Both teams moved: the round closed by itself and simulated round 2 signed the deal and took Korea's decision.
        Assert.Equal(2, host.Session.Game.Round);
        Assert.Equal(CloseReason.AllMoved, host.Session.Game.History[0].Reason);
        var round2 = host.Session.Reports[1];
        var deal = Assert.Single(round2.Deals, d => d.Status == "signed" && d.Id == "W2");
        Assert.Equal(("JPN", "KOR"), (deal.Buyer, deal.Seller));
        Assert.Contains(round2.Events, e => e.Kind == "decides-to-join" && e.Country == "KOR" && e.Reason == "the team's decision");
        var team = await (await host.Team(japan, "team")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(team.GetProperty("world").GetProperty("deals").EnumerateArray(), d => d.GetProperty("id").GetString() == "W2");
        // Information rule (the scenario has no wargame: section, so teams see only their own rows); the instructor sees all.
        Assert.All(team.GetProperty("world").GetProperty("rows").EnumerateArray(), r => Assert.Equal("JPN", r.GetProperty("country").GetString()));
        var all = await (await host.Instructor("instructor")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(host.Session.Scenario.Name, all.GetProperty("scenarioName").GetString()); // the scenario's name, not its file's
        Assert.DoesNotContain(".yaml", host.Session.Scenario.Name, StringComparison.Ordinal);
        Assert.Equal(6, all.GetProperty("world").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("country").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Offer_ToBuyWhatThePartnerDoesNotExport_IsRefusedSayingWhyRatherThanValuedAtMinus1e307()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        await host.Instructor("POST start");
        var before = host.Session.Game.Inputs.Count;

        // The United States refines no gallium: 10% of its exports is nothing, and nothing else is on offer.
        var value = await host.Team(japan, "POST value", Offer(1, "USA", "buy"));
        Assert.Equal(HttpStatusCode.Conflict, value.StatusCode);
        Assert.StartsWith("levels: United States exports no Gallium refined at present", await WargameServer.ErrorOf(value));
        var offer = await host.Team(japan, "POST offer", Offer(1, "USA", "buy"));
        Assert.Equal(HttpStatusCode.Conflict, offer.StatusCode);
        Assert.Contains("add a tariff cut or an investment", await WargameServer.ErrorOf(offer));
        Assert.Equal(before, host.Session.Game.Inputs.Count);
        Assert.Empty(host.Session.Game.Offers);

        // With an investment on the table the same partner is a real deal, valued in dollars a person can read.
        var cut = await host.Team(japan, "POST value", new { round = 1, partner = "USA", role = "buy", mineral = "gallium", stage = "refined", levels = new[] { 2, 2, 1, 0, 0, 1, 0 } });
        Assert.True(cut.IsSuccessStatusCode, await cut.Content.ReadAsStringAsync());
        Assert.InRange((await cut.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetDouble(), -1e12, 1e12);
    }

    [Fact]
    public async Task Offers_AreListedInTheOrderTheyWereMade_PastTheTenth()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        await host.AddTeamAsync("Kimchi", "KOR"); // a team seat: offers to it stay open
        await host.Instructor("POST start");
        for (var k = 0; k < 12; k++) Assert.True((await host.Team(japan, "POST offer", Offer(1, "KOR", "buy"))).IsSuccessStatusCode);
        string[] expected = [.. Enumerable.Range(1, 12).Select(k => $"O{k}")];
        static string[] Ids(JsonElement view) => [.. view.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("id").GetString()!)];
        Assert.Equal(expected, Ids(await (await host.Team(japan, "team")).Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(expected, Ids(await (await host.Instructor("instructor")).Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Timer_RunningOut_ClosesTheRoundAndTheComputerFillsInForTeamsThatDidNotMove()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules with { RoundSeconds = 60 });
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        await host.Team(japan, "POST move", new { round = 1, bloc = "Stay" });
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        await host.Session.TickAsync();
        Assert.Equal(2, host.Session.Game.Round);
        Assert.Equal(CloseReason.TimerExpired, host.Session.Game.History[0].Reason);
        var directives = Directives.After(host.Session.Game, host.Session.World, 1);
        Assert.Equal([host.Session.World.CountryIndex("JPN")], directives.Played);
    }

    [Fact]
    public async Task Debrief_ExportsEscapeTeamNamesAndShowTheComputersCounterfactual()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules with { Rounds = 2 });
        var japan = await host.AddTeamAsync("<script>alert(1)</script>", "JPN");
        await host.Instructor("POST start");
        Assert.True((await host.Team(japan, "POST move", new { round = 1, bloc = "Stay" })).IsSuccessStatusCode);
        await host.Instructor("POST advance");
        var html = await (await host.Instructor("debrief.html")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        var csv = (await (await host.Instructor("debrief.csv")).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DebriefExport.CsvHeader, csv[0]);
        Assert.Equal(3, csv.Length - 1); // simulated rounds 1..3 for a 2-round game
        Assert.All(csv.Skip(1), line => Assert.Contains(",JPN,", line));
    }
}
