using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NegotiationSim.Core.Reports;
using NegotiationSim.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// The instructor's injected shocks do what they say: each is checked through the API and then looked for where a class
/// would see it, in the next round's events, controls and flows.
/// </summary>
public sealed class InjectTests
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 12);

    private static string Classroom => Path.Combine(WargameServer.Repo(), "scenarios", "classroom-wargame.yaml");

    private static async Task<WargameServer> StartedAsync(string scenario)
    {
        var host = await WargameServer.StartAsync(scenario, Rules);
        Assert.True((await host.Instructor("POST start")).IsSuccessStatusCode);
        return host;
    }

    private static async Task InjectAsync(WargameServer host, object body)
    {
        var r = await host.Instructor("POST inject", body);
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
    }

    private static async Task AdvanceAsync(WargameServer host, int rounds = 1)
    {
        for (var k = 0; k < rounds; k++) Assert.True((await host.Instructor("POST advance")).IsSuccessStatusCode);
    }

    private static IEnumerable<RunEvent> Events(WargameServer host, string kind) => host.Session.Reports.SelectMany(r => r.Events).Where(e => e.Kind == kind);

    private static int MenuIndex(WargameServer host, string startsWith)
    {
        var menu = EventMenuOf(host);
        var k = menu.FindIndex(m => m.StartsWith(startsWith, StringComparison.Ordinal));
        Assert.True(k >= 0, string.Join("\n", menu));
        return k;
    }

    private static List<string> EventMenuOf(WargameServer host) => Server.Wargame.EventMenu.Menu(host.Session.Scenario).ToList();

    [Fact]
    public async Task Section232_WithTheUsAsItsOwnTarget_IsRefusedWithTheReasonAndNothingIsJournaled()
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        var before = host.Session.Game.Inputs.Count;
        var r = await host.Instructor("POST inject", new { kind = "section232", country = "USA", stage = "refined", rate = 0.25 });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("country: United States makes the threat; name a country it threatens", await WargameServer.ErrorOf(r));
        Assert.Equal(before, host.Session.Game.Inputs.Count);
        await AdvanceAsync(host);
        Assert.DoesNotContain(host.Session.Reports[1].Events, e => e.Kind == "section232-threat" && e.Country == "USA");
    }

    public static TheoryData<string, string> OutOfRange => new()
    {
        { """{"kind":"nuke"}""", "kind: export_control, section232 or disruption (or a menu number)" },
        { """{"kind":"nuke","country":"CHN"}""", "kind: export_control, section232 or disruption (or a menu number)" },
        { """{"kind":"section232","country":"KOR","rate":0}""", "rate: above 0, at most 5 (500 %); 0.25 is 25 %" },
        { """{"kind":"section232","country":"KOR","rate":5.01}""", "rate: above 0, at most 5 (500 %); 0.25 is 25 %" },
        { """{"kind":"section232","country":"KOR","rate":-0.25}""", "rate: above 0, at most 5 (500 %); 0.25 is 25 %" },
        { """{"kind":"section232","country":"KOR","rate":"Infinity"}""", "rate: a finite number" },
        { """{"kind":"section232","country":"KOR","rate":1e308}""", "rate: above 0, at most 5 (500 %); 0.25 is 25 %" },
        { """{"kind":"section232","country":"KOR","duration":0}""", "duration: a whole number of rounds, 1 to 60" },
        { """{"kind":"section232","country":"KOR","duration":61}""", "duration: a whole number of rounds, 1 to 60" },
        { """{"kind":"section232","country":"KOR","duration":2.5}""", "duration: a whole number of rounds, 1 to 60" },
        { """{"kind":"section232","country":"KOR","duration":1e12}""", "duration: a whole number of rounds, 1 to 60" },
        { """{"kind":"section232","country":"KOR","duration":"NaN"}""", "duration: a finite number" },
        { """{"kind":"disruption","country":"CHN","mineral":"gallium","severity":0}""", "severity: the share of output lost, above 0, at most 1" },
        { """{"kind":"disruption","country":"CHN","mineral":"gallium","severity":1.5}""", "severity: the share of output lost, above 0, at most 1" },
        { """{"kind":"disruption","country":"CHN","mineral":"gallium","severity":"-Infinity"}""", "severity: a finite number" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","control":"quota","quota":1}""", "quota: the share of base-year exports allowed out, 0 up to (not including) 1" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","control":"quota","quota":-0.1}""", "quota: the share of base-year exports allowed out, 0 up to (not including) 1" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","control":"quota","quota":"NaN"}""", "quota: a finite number" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","control":"ban","quota":0.3}""", "quota: only for a quota control" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","control":"embargo"}""", "control: ban, licence or quota" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","targets":["CHN"]}""", "targets: CHN is the exporter itself" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","targets":[]}""", "targets: all, bloc, or a list of countries" },
        { """{"kind":"section232","country":"DEU","credibility":1.5}""", "credibility: the chance the tariff is imposed at the deadline, 0 to 1" },
        { """{"kind":"section232","country":"DEU","credibility":-0.1}""", "credibility: the chance the tariff is imposed at the deadline, 0 to 1" },
        { """{"kind":"section232","country":"DEU","credibility":"NaN"}""", "credibility: a finite number" },
        { """{"kind":"section232","country":"DEU","leakage":0.2}""", "leakage: not used by a Section 232 threat (it covers every mineral of its stages); leave it out" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","leakage":1.01}""", "leakage: the share of controlled trade that still gets out through hubs, 0 to 1" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","credibility":0.5}""", "credibility: not used by an export control; leave it out" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","control":"licence","licenceDelay":25}""", "licenceDelay: a whole number of rounds before the first licences, 0 to 24" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","control":"licence","licenceDelay":1.5}""", "licenceDelay: a whole number of rounds before the first licences, 0 to 24" },
        { """{"kind":"export_control","country":"CHN","mineral":"gallium","control":"ban","licenceDelay":1}""", "licenceDelay: only for a licence control" },
        { """{"kind":"disruption","country":"CHN","mineral":"gallium","leakage":0.1}""", "leakage: not used by a disruption; leave it out" },
        { """{"menu":3}""", "menu: choose 0..2" },
        { """{"menu":1e12}""", "menu: choose 0..2" },
        { """{"menu":0.5}""", "menu: choose 0..2" },
        { """{"menu":"NaN"}""", "menu: a finite number" },
        { """{"kind":"section232","country":"KOR","mineral":"gallium"}""", "mineral: not used by a Section 232 threat (it covers every mineral of its stages); leave it out" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task Inject_OutOfRange_IsRefusedNamingTheFieldAndItsRange(string body, string error)
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        var before = host.Session.Game.Inputs.Count;
        var r = await host.Http.SendAsync(Raw(host, body));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(error, await WargameServer.ErrorOf(r));
        Assert.Equal(before, host.Session.Game.Inputs.Count);
    }

    [Theory]
    [InlineData("country")]
    [InlineData("mineral")]
    [InlineData("stage")]
    [InlineData("kind")]
    [InlineData("control")]
    [InlineData("targets")]
    public async Task Inject_AHugeString_IsRefusedInAShortAnswerThatNamesTheField(string field)
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        var huge = new string('x', 12_000);
        var body = new Dictionary<string, object> { ["kind"] = "export_control", ["country"] = "CHN", ["mineral"] = "gallium" };
        body[field] = field == "targets" ? new[] { huge } : huge;
        var r = await host.Instructor("POST inject", body);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var error = await WargameServer.ErrorOf(r);
        Assert.StartsWith(field + ":", error);
        Assert.True(error.Length < 300, error); // the answer names the field; it does not echo 12,000 characters back
    }

    private static HttpRequestMessage Raw(WargameServer host, string json) => new(HttpMethod.Post, "/api/wargame/inject")
    {
        Headers = { { Server.Wargame.WargameApi.KeyHeader, host.Key } },
        Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
    };

    [Fact]
    public async Task MenuSuspension_AfterTheInstructorInjectedThatControl_LiftsIt_AndNeitherFiresAgainAtItsOwnRound()
    {
        await using var host = await StartedAsync(Classroom);
        // Game round 1: the rare-earth licence (scheduled for round 3) is brought forward to round 2, in force from 3.
        await InjectAsync(host, new { menu = MenuIndex(host, "export control") });
        await AdvanceAsync(host, 2);
        var inForce = Assert.Single(host.Session.Reports[2].Controls, c => c.Mineral == "rare_earths");
        Assert.Equal(("CHN", "in-force"), (inForce.Exporter, inForce.Status));

        // Game round 3: the truce (scheduled for round 9) comes now: simulated round 4 lifts the control.
        await InjectAsync(host, new { menu = MenuIndex(host, "control suspended") });
        await AdvanceAsync(host);
        var lifted = Assert.Single(host.Session.Reports[3].Events, e => e.Kind == "export-control-suspended");
        Assert.Equal(("CHN", "rare_earths"), (lifted.Country, lifted.Mineral));
        Assert.DoesNotContain(host.Session.Reports[3].Controls, c => c.Mineral == "rare_earths");

        // On to round 10: the scheduled licence (round 3) and truce (round 9) do not fire again, and the control stays lifted.
        await AdvanceAsync(host, 6);
        Assert.Equal(10, host.Session.Reports.Count);
        Assert.Single(Events(host, "export-control-announced"), e => e.Mineral == "rare_earths" && e.Country == "CHN");
        Assert.Single(Events(host, "export-control-suspended"));
        Assert.All(host.Session.Reports.Skip(3), r => Assert.DoesNotContain(r.Controls, c => c.Mineral == "rare_earths"));
    }

    [Fact]
    public async Task MenuControl_RepeatedWhileItStands_IsRefused_AndAfterATruceCanBeImposedAndLiftedAgain()
    {
        await using var host = await StartedAsync(Classroom);
        var (control, truce) = (MenuIndex(host, "export control"), MenuIndex(host, "control suspended"));
        await InjectAsync(host, new { menu = control }); // brought forward: keeps the scenario's id
        await AdvanceAsync(host, 3);
        // A second copy would cut the same flows once more and change nothing: refused, saying which control stands.
        var again = await host.Instructor("POST inject", new { menu = control });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("China's licence on Rare earths (refined+product) already stands (control ree-licence, in-force); suspend it first, or choose another kind, stage or target",
            await WargameServer.ErrorOf(again));

        await InjectAsync(host, new { menu = truce });
        await AdvanceAsync(host);
        Assert.DoesNotContain(host.Session.Reports[^1].Controls, c => c.Mineral == "rare_earths");
        await InjectAsync(host, new { menu = control }); // lifted: imposed again, with an id of its own
        await AdvanceAsync(host, 2);
        Assert.NotEqual("ree-licence", Assert.Single(host.Session.Reports[^1].Controls, c => c.Mineral == "rare_earths").Id);

        await InjectAsync(host, new { menu = truce }); // lifts the copy standing now
        await AdvanceAsync(host);
        Assert.Contains(host.Session.Reports[^1].Events, e => e.Kind == "export-control-suspended" && e.Mineral == "rare_earths");
        Assert.DoesNotContain(host.Session.Reports[^1].Controls, c => c.Mineral == "rare_earths");
    }

    [Fact]
    public async Task CustomControl_TwiceForOneRound_IsRefused_ButAnotherKindIsAnEscalation()
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        var ban = new { kind = "export_control", country = "CHN", mineral = "gallium", control = "ban", targets = new[] { "JPN" } };
        await InjectAsync(host, ban);
        var twice = await host.Instructor("POST inject", ban);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("China's ban on Gallium (refined) is already injected for round 2", await WargameServer.ErrorOf(twice));
        await InjectAsync(host, new { kind = "export_control", country = "CHN", mineral = "gallium", control = "ban", targets = new[] { "KOR" } });
    }

    [Fact]
    public async Task ScheduledEvent_InjectedEarly_FiresOnceAtTheNewRoundAndNotAgainAtItsOwn()
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        // The scenario bans refined gallium to the US in round 5 (effective 6); the instructor brings it to round 2.
        await InjectAsync(host, new { menu = MenuIndex(host, "export control: round 5") });
        await AdvanceAsync(host, 6);
        var bans = Events(host, "export-control-announced").Where(e => e.Reason.StartsWith("Ban", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, Assert.Single(bans).Round);
        Assert.Equal("in-force", Assert.Single(host.Session.Reports[2].Controls, c => c.Id == "ga-ban-us").Status);
        Assert.Single(host.Session.Reports[6].Controls, c => c.Id == "ga-ban-us");
    }

    [Theory]
    [InlineData("licence", null)]
    [InlineData("quota", 0.2)]
    public async Task CustomControl_WithNamedTargets_HitsOnlyThoseTargets(string kind, double? quota)
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        // On gallium products: the scenario's own controls (a licence on refined gallium to all from round 3, a ban to the
        // US from round 6) leave that market alone until round 6.
        var before = host.Session.Reports[0].Flows.Where(f => f is { Mineral: "gallium", Stage: "product", Origin: "CHN" }).ToDictionary(f => f.Destination, f => f.Tonnes);
        await InjectAsync(host, new { kind = "export_control", country = "CHN", mineral = "gallium", stage = "product", control = kind, targets = new[] { "JPN" }, quota });
        await AdvanceAsync(host, 2);

        var announced = Assert.Single(host.Session.Reports[1].Events, e => e.Kind == "export-control-announced" && e.Stage == "product");
        Assert.StartsWith(kind == "licence" ? "Licence on" : "Quota on", announced.Reason);
        var row = Assert.Single(host.Session.Reports[2].Controls, c => c.Id.StartsWith("injected-", StringComparison.Ordinal));
        Assert.Equal((kind, "list", "in-force"), (row.Kind, row.Scope, row.Status));
        Assert.Equal(["JPN"], row.Targets);
        var after = host.Session.Reports[2].Flows.Where(f => f is { Mineral: "gallium", Stage: "product", Origin: "CHN" }).ToDictionary(f => f.Destination, f => f.Tonnes);
        // Japan's gallium products from China are cut (a licence's first months approve nothing; a quota lets 20 % out);
        // Germany, not named, still gets at least as much as before the control.
        Assert.True(after.GetValueOrDefault("JPN") < 0.5 * before["JPN"], $"JPN {before["JPN"]} -> {after.GetValueOrDefault("JPN")}");
        Assert.True(after["DEU"] >= 0.95 * before["DEU"], $"DEU {before["DEU"]} -> {after["DEU"]}");
    }

    [Fact]
    public async Task CustomControl_Targets_MayBeTheBloc_AndAnUnknownCountryIsNamed()
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        var r = await host.Instructor("POST inject", new { kind = "export_control", country = "CHN", mineral = "gallium", targets = new[] { "JPN", "ATLANTIS" } });
        Assert.Equal("targets: 'ATLANTIS' is not a country of this game (all, bloc, or ids such as CHN)", await WargameServer.ErrorOf(r));
        await InjectAsync(host, new { kind = "export_control", country = "CHN", mineral = "gallium", targets = new[] { "bloc" } });
        await AdvanceAsync(host);
        Assert.Equal("bloc", Assert.Single(host.Session.Reports[1].Controls, c => c.Id.StartsWith("injected-", StringComparison.Ordinal)).Scope);
    }

    [Fact]
    public async Task CustomControls_TwoOnTheSameMarketInOneRound_StandAsTwoControls()
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        await InjectAsync(host, new { kind = "export_control", country = "CHN", mineral = "gallium", stage = "product", targets = new[] { "JPN" } });
        await InjectAsync(host, new { kind = "export_control", country = "CHN", mineral = "gallium", stage = "product", control = "licence", targets = new[] { "DEU" } });
        await AdvanceAsync(host);
        var rows = host.Session.Reports[1].Controls.Where(c => c.Id.StartsWith("injected-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Select(c => c.Id).Distinct().Count());
        Assert.Equal([("ban", "JPN"), ("licence", "DEU")], rows.Select(c => (c.Kind, Assert.Single(c.Targets))));
    }

    [Fact]
    public async Task CustomSection232_OnAStage_NamesThatStageRateAndDeadlineInTheNextRoundsEvent()
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        await InjectAsync(host, new { kind = "section232", country = "DEU", stage = "product", rate = 0.4, duration = 2 });
        await AdvanceAsync(host);
        var threat = Assert.Single(host.Session.Reports[1].Events, e => e.Kind == "section232-threat" && e.Country == "DEU");
        Assert.Equal(0.4, threat.Value);
        Assert.Contains("by round 4", threat.Reason);
        Assert.Contains("40% on product exports", threat.Reason.Replace(" %", "%", StringComparison.Ordinal));
        Assert.DoesNotContain("refined", threat.Reason);
    }

    [Fact]
    public async Task CustomShocks_CredibilityLeakageAndLicenceDelay_AreTheInstructorsNotTheDefaults()
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        await InjectAsync(host, new { kind = "section232", country = "DEU", rate = 0.3, credibility = 0.9 });
        await InjectAsync(host, new { kind = "export_control", country = "CHN", mineral = "gallium", control = "licence", licenceDelay = 4, leakage = 0.35 });

        // The instructor's list says what was injected, with the values given
        var injected = (await (await host.Instructor("instructor")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("injected")
            .EnumerateArray().Select(i => i.GetProperty("description").GetString()!).ToArray();
        Assert.Contains(injected, d => d.Contains("(credibility 90", StringComparison.Ordinal));
        Assert.Contains(injected, d => d.Contains("first licences 4 rounds later", StringComparison.Ordinal) && d.Contains("35", StringComparison.Ordinal));

        // and the engine acts on them in the next round
        await AdvanceAsync(host);
        var events = host.Session.Reports[1].Events;
        Assert.Contains("credibility 90", Assert.Single(events, e => e.Kind == "section232-threat" && e.Country == "DEU").Reason);
        // (the scenario announces its own gallium licence this round too, with the defaults)
        var licences = events.Where(e => e.Kind == "export-control-announced" && e.Reason.StartsWith("Licence", StringComparison.Ordinal)).Select(e => e.Reason).ToArray();
        Assert.Contains(licences, r => r.Contains("first licences 4 rounds later; leakage 35 %", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CustomSection232_OnACountryAlreadyThreatened_IsRefusedSayingSo()
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        // The scenario threatens Korea in round 1 with a deadline in round 4: a second threat would be dropped unseen.
        var r = await host.Instructor("POST inject", new { kind = "section232", country = "KOR" });
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.StartsWith("country: Korea already faces a Section 232 threat", await WargameServer.ErrorOf(r));
    }

    [Fact]
    public async Task CustomSection232_OnABlocMember_OrTwiceForOneRound_IsRefusedSayingWhy()
    {
        await using var host = await StartedAsync(WargameServer.Gallium);
        Assert.Contains("JPN", host.Session.Reports[0].Members);
        var member = await host.Instructor("POST inject", new { kind = "section232", country = "JPN" });
        Assert.Equal("country: Japan is a member of the bloc; a Section 232 threat names countries outside it", await WargameServer.ErrorOf(member));
        await InjectAsync(host, new { kind = "section232", country = "DEU" });
        var twice = await host.Instructor("POST inject", new { kind = "section232", country = "DEU", rate = 0.5 });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("country: Germany already faces a Section 232 threat injected for round 2", await WargameServer.ErrorOf(twice));
    }

    private static readonly JsonSerializerOptions Bytes = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Fact]
    public async Task GameWithInjects_ReplayedFromItsJournalOnRestart_GivesTheSameBytes()
    {
        string before, journal;
        var copy = Directory.CreateTempSubdirectory("negsim-inject-replay-").FullName;
        await using (var host = await StartedAsync(Classroom))
        {
            await InjectAsync(host, new { menu = MenuIndex(host, "export control") });
            await InjectAsync(host, new { kind = "export_control", country = "CHN", mineral = "gallium", control = "quota", quota = 0.3, targets = new[] { "JPN", "KOR" } });
            await AdvanceAsync(host);
            await InjectAsync(host, new { kind = "section232", country = "ROW", stage = "product", rate = 0.5, duration = 2 });
            await InjectAsync(host, new { kind = "disruption", country = "CHN", mineral = "rare_earths", stage = "refined", severity = 0.3, duration = 2 });
            await AdvanceAsync(host, 2);
            await InjectAsync(host, new { menu = MenuIndex(host, "control suspended") });
            await AdvanceAsync(host);
            Assert.Contains(host.Session.Reports[4].Events, e => e.Kind == "export-control-suspended");
            Assert.Contains(host.Session.Reports[2].Events, e => e.Kind == "section232-threat" && e.Country == "ROW");
            Assert.Contains(host.Session.Reports[2].Controls, c => c.Kind == "quota" && c.Targets.SequenceEqual(["JPN", "KOR"]));
            before = JsonSerializer.Serialize(host.Session.Reports, Bytes);
            journal = Path.Combine(copy, "game.jsonl");
            await using var from = new FileStream(Path.Combine(Path.GetDirectoryName(host.Session.HeartbeatPath)!, "game.jsonl"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            await using var to = File.Create(journal);
            await from.CopyToAsync(to);
        }

        // A new host on the journal's copy replays every input, injects included, through a new silo.
        await using var again = await WargameServer.StartAsync(Classroom, Rules, copy);
        Assert.Equal(5, again.Session.Game.Round);
        Assert.Equal(before, JsonSerializer.Serialize(again.Session.Reports, Bytes));
    }
}
