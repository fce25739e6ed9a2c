using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationSim.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// The scenario's information rules through the war-game API: what a team's page receives is what its rules let it see,
/// and nothing else (rows, deal terms, offers, the other side's valuations, the computer's reasons, events).
/// </summary>
public sealed class TeamSightTests : IDisposable
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 5);
    private static readonly int[] Modest = [2, 2, 1, 0, 0, 0, 0];
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-sight-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The gallium negotiation world with this `wargame:` section (empty: the default, `own`).</summary>
    private string Scenario(string wargame)
    {
        var path = Path.Combine(_dir, "sight.yaml");
        File.WriteAllText(path, $"name: sight\nextends: {WargameServer.Gallium}\n" + (wargame == "" ? "" : "wargame:\n" + wargame));
        return path;
    }

    private static object Offer(int round, string partner, string role) =>
        new { round, partner, role, mineral = "gallium", stage = "refined", levels = Modest };

    private static async Task<JsonElement> View(WargameServer host, string code) =>
        await (await host.Team(code, "team")).Content.ReadFromJsonAsync<JsonElement>();

    private static IEnumerable<JsonElement> Items(JsonElement view, params string[] path)
    {
        foreach (var p in path) view = view.GetProperty(p);
        return view.EnumerateArray();
    }

    /// <summary>Korea sells Germany gallium (O1, accepted) in round 1; every team moves, so round 2 signs it as W1.</summary>
    private static async Task KoreaSellsGermanyAsync(WargameServer host, string korea, string germany, params string[] others)
    {
        Assert.True((await host.Team(korea, "POST offer", Offer(1, "DEU", "sell"))).IsSuccessStatusCode);
        Assert.True((await host.Team(germany, "POST answer", new { round = 1, offerId = "O1", accept = true })).IsSuccessStatusCode);
        foreach (var code in others.Append(korea).Append(germany)) await host.Team(code, "POST move", new { round = 1, bloc = "Stay" });
        Assert.Equal(2, host.Session.Game.Round);
        Assert.Contains(host.Session.Reports[1].Deals, d => d.Id == "W1" && d.Status == "signed");
    }

    [Fact]
    public async Task Own_ATeamNeverReceivesAnotherCountrysRowsDealTermsOrOffers()
    {
        await using var host = await WargameServer.StartAsync(Scenario(""), Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        var germany = await host.AddTeamAsync("Adler", "DEU");
        await host.Instructor("POST start");
        await KoreaSellsGermanyAsync(host, korea, germany, japan);
        Assert.True((await host.Team(korea, "POST offer", Offer(2, "DEU", "sell"))).IsSuccessStatusCode); // O2, left open

        var view = await View(host, japan);
        Assert.All(Items(view, "world", "rows"), r => Assert.Equal("JPN", r.GetProperty("country").GetString()));
        Assert.NotEmpty(Items(view, "world", "rows"));
        Assert.Empty(Items(view, "offers"));
        var w1 = Assert.Single(Items(view, "world", "deals"), d => d.GetProperty("id").GetString() == "W1");
        Assert.Equal(("DEU", "KOR", "terms not disclosed"), (w1.GetProperty("buyer").GetString(), w1.GetProperty("seller").GetString(), w1.GetProperty("note").GetString()));
        Assert.Equal("NaN", w1.GetProperty("volume").GetString());
        // Every deal Japan is not party to says only who signed; so does every signing in the events.
        Assert.All(Items(view, "world", "deals").Where(d => d.GetProperty("buyer").GetString() != "JPN" && d.GetProperty("seller").GetString() != "JPN"),
            d => Assert.Equal("terms not disclosed", d.GetProperty("note").GetString()));
        var signings = Items(view, "world", "events").Where(e => e.GetProperty("kind").GetString() == "deal-signed").ToList();
        Assert.Contains(signings, e => e.GetProperty("reason").GetString() == "W1: DEU and KOR signed a deal (terms not disclosed)");
        var terms = host.Session.Reports[1].Deals.Single(d => d.Id == "W1" && d.Status == "signed").Note;
        Assert.DoesNotContain(terms, view.GetRawText());
        // Events about other countries reach Japan only when they are public news.
        Assert.All(Items(view, "world", "events").Where(e => e.GetProperty("country").GetString() != "JPN"),
            e => Assert.True(TeamSight.PublicKinds.Contains(e.GetProperty("kind").GetString()!) || e.GetProperty("kind").GetString() == "deal-signed", e.GetRawText()));
        Assert.Contains(Items(view, "world", "hidden"), h => h.GetString()!.Contains("Other countries' rows are hidden by the scenario's information rules"));
        // Nor can Japan probe an offer between others: countering it reads as countering one that does not exist.
        var probe = await host.Team(japan, "POST offer", new { round = 2, partner = "KOR", role = "buy", mineral = "gallium", stage = "refined", levels = Modest, counters = "O1" });
        Assert.Equal("no offer O1", await WargameServer.ErrorOf(probe));

        // The instructor sees everything: every country's rows, W1's terms, both offers.
        var all = await (await host.Instructor("instructor")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(6, Items(all, "world", "rows").Select(r => r.GetProperty("country").GetString()).Distinct().Count());
        Assert.Contains(terms, all.GetRawText());
        Assert.Equal(2, Items(all, "offers").Count());
    }

    [Fact]
    public async Task Offers_EachSideSeesOnlyItsOwnValuation_AndTheComputersReasonStaysPrivate()
    {
        await using var host = await WargameServer.StartAsync(Scenario(""), Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        Assert.True((await host.Team(japan, "POST offer", Offer(1, "KOR", "buy"))).IsSuccessStatusCode);
        var value = host.Session.Values["O1"];
        var mine = Assert.Single(Items(await View(host, japan), "offers"));
        var theirs = Assert.Single(Items(await View(host, korea), "offers"));
        Assert.Equal((value.Buyer, value.BuyerReservation), (mine.GetProperty("valueToMe").GetDouble(), mine.GetProperty("noDealForMe").GetDouble()));
        Assert.Equal((value.Seller, value.SellerReservation), (theirs.GetProperty("valueToMe").GetDouble(), theirs.GetProperty("noDealForMe").GetDouble()));
        Assert.NotEqual(value.Buyer, value.Seller);

        // China's computer answers with a reason that weighs its own gain: Japan reads only that it answered.
        var toChina = await (await host.Team(japan, "POST offer", Offer(1, "CHN", "buy"))).Content.ReadFromJsonAsync<JsonElement>();
        var why = toChina.GetProperty("why").GetString()!;
        Assert.Matches("^the computer playing China (accepted|rejected) it$", why);
        Assert.Equal(why, Items(await View(host, japan), "offers").Single(o => o.GetProperty("id").GetString() == "O2").GetProperty("why").GetString());
        var told = Items(await (await host.Instructor("instructor")).Content.ReadFromJsonAsync<JsonElement>(), "offers")
            .Single(o => o.GetProperty("id").GetString() == "O2").GetProperty("why").GetString()!;
        Assert.Matches(@"^China \(\w+\) (gets \d+% of its possible gain|would be [\d,]+ \$ worse off|can gain nothing)", told);
    }

    [Fact]
    public async Task ATeamWithNoSeat_SeesOnlyWhatIsPublic_NotTheInstructorsWorld()
    {
        await using var host = await WargameServer.StartAsync(Scenario("  teams_see: all\n  deal_terms: parties\n"), Rules);
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        var germany = await host.AddTeamAsync("Adler", "DEU");
        var r = await host.Instructor("POST teams", new { name = "Latecomers" });
        var seatless = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await host.Instructor("POST start");
        await KoreaSellsGermanyAsync(host, korea, germany);

        var view = await View(host, seatless);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("country").ValueKind);
        Assert.Empty(Items(view, "world", "rows"));
        Assert.Empty(Items(view, "offers"));
        Assert.Equal("terms not disclosed", Items(view, "world", "deals").Single(d => d.GetProperty("id").GetString() == "W1").GetProperty("note").GetString());
        Assert.All(Items(view, "world", "events"), e => Assert.True(TeamSight.PublicKinds.Contains(e.GetProperty("kind").GetString()!)
            || e.GetProperty("reason").GetString()!.EndsWith("(terms not disclosed)", StringComparison.Ordinal), e.GetRawText()));
        Assert.Contains("JPN", Items(view, "freeSeats").Select(x => x.GetString())); // it may still pick a free seat
        Assert.DoesNotContain("KOR", Items(view, "freeSeats").Select(x => x.GetString()));
    }

    [Fact]
    public async Task Partners_ExactlyItsPartners_AMonthLate_TheUsSeesAll_PublicTermsAndOffersWithoutValues()
    {
        await using var host = await WargameServer.StartAsync(Scenario(
            "  teams_see: partners\n  partner_share: 0.3\n  others_delay: 1\n  deal_terms: public\n  offers: public\n" +
            "  intelligence:\n    USA: { teams_see: all }\n"), Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var usa = await host.AddTeamAsync("Eagles", "USA");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        var germany = await host.AddTeamAsync("Adler", "DEU");
        await host.Instructor("POST start");

        // Round 1: others are a month late, and no month is old enough yet.
        var first = await View(host, japan);
        Assert.All(Items(first, "world", "rows"), r => Assert.Equal("JPN", r.GetProperty("country").GetString()));
        Assert.Contains(Items(first, "world", "hidden"), h => h.GetString()!.Contains("1 round late: none yet"));

        await KoreaSellsGermanyAsync(host, korea, germany, japan, usa);
        Assert.True((await host.Team(korea, "POST offer", Offer(2, "DEU", "sell"))).IsSuccessStatusCode); // O2, open
        var view = await View(host, japan);
        var rows = Items(view, "world", "rows").ToList();
        var (now, before) = (host.Session.Reports[1], host.Session.Reports[0]);

        // Japan's own rows are this month's; its partners' a month old, and only theirs.
        var own = rows.Where(r => r.GetProperty("country").GetString() == "JPN").ToList();
        Assert.Equal(now.Rows.Where(x => x.Country == "JPN").Select(x => x.Output), own.Select(r => r.GetProperty("output").GetDouble()));
        var expected = PartnersOf("JPN", now.Flows, 0.3);
        var others = rows.Where(r => r.GetProperty("country").GetString() != "JPN").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal),
            others.Select(r => $"{r.GetProperty("country").GetString()} {r.GetProperty("mineral").GetString()}").Distinct().Order(StringComparer.Ordinal));
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < 5 * now.Rows.Select(x => x.Mineral).Distinct().Count(), "some country must fall below the share");
        foreach (var r in others)
        {
            var c = r.GetProperty("country").GetString();
            var (m, st) = (r.GetProperty("mineral").GetString(), r.GetProperty("stage").GetString());
            Assert.Equal(before.Rows.Single(x => x.Country == c && x.Mineral == m && x.Stage == st).Output, r.GetProperty("output").GetDouble());
        }
        Assert.Equal(1, view.GetProperty("world").GetProperty("othersRound").GetInt32());
        Assert.Contains(Items(view, "world", "hidden"), h => h.GetString()!.Contains("Rows of non-partners") && h.GetString()!.Contains("30%"));
        Assert.Contains(Items(view, "world", "hidden"), h => h.GetString()!.Contains($"as of {before.Month}"));

        // The US sees every country; terms and offers are public, but never what an offer is worth to others.
        Assert.Equal(6, Items(await View(host, usa), "world", "rows").Select(r => r.GetProperty("country").GetString()).Distinct().Count());
        Assert.Equal(now.Deals.Single(d => d.Id == "W1" && d.Status == "signed").Note, Items(view, "world", "deals").Single(d => d.GetProperty("id").GetString() == "W1" && d.GetProperty("status").GetString() == "signed").GetProperty("note").GetString());
        var o2 = Assert.Single(Items(view, "offers"), o => o.GetProperty("id").GetString() == "O2");
        Assert.Equal(JsonValueKind.Null, o2.GetProperty("valueToMe").ValueKind);
        Assert.Equal(JsonValueKind.Null, o2.GetProperty("noDealForMe").ValueKind);
    }

    /// <summary>Partners in words ("KOR gallium"): at least <paramref name="share"/> of the country's imports or exports of a mineral and stage.</summary>
    private static List<string> PartnersOf(string me, IReadOnlyList<Core.Reports.FlowRow> flows, double share)
    {
        var found = new HashSet<string>();
        foreach (var market in flows.GroupBy(f => (f.Mineral, f.Stage)))
        {
            var imports = market.Where(f => f.Destination == me && f.Origin != me).ToList();
            var exports = market.Where(f => f.Origin == me && f.Destination != me).ToList();
            foreach (var g in imports.GroupBy(f => f.Origin).Where(g => g.Sum(f => f.Tonnes) > 0 && g.Sum(f => f.Tonnes) >= share * imports.Sum(f => f.Tonnes)))
                found.Add($"{g.Key} {market.Key.Mineral}");
            foreach (var g in exports.GroupBy(f => f.Destination).Where(g => g.Sum(f => f.Tonnes) > 0 && g.Sum(f => f.Tonnes) >= share * exports.Sum(f => f.Tonnes)))
                found.Add($"{g.Key} {market.Key.Mineral}");
        }
        return found.ToList();
    }

    [Fact]
    public async Task HubPushes_CarryOnlyTheClock()
    {
        await using var host = await WargameServer.StartAsync(Scenario(""), Rules);
        await host.AddTeamAsync("Sakura", "JPN");
        var pushes = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        var hub = new HubConnectionBuilder().WithUrl(host.Url + "/wargame/hub").Build();
        hub.On<JsonElement>("changed", pushes.Enqueue);
        await hub.StartAsync();
        try
        {
            await host.Instructor("POST start");
            await host.Instructor("POST message", new { text = "secret plans" });
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (pushes.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.True(pushes.Count >= 2);
            Assert.All(pushes, p => Assert.Equal(["deadline", "paused", "phase", "round", "rounds", "secondsLeft", "version"],
                p.EnumerateObject().Select(x => x.Name).Order(StringComparer.Ordinal)));
        }
        finally { await hub.DisposeAsync(); }
    }
}
