using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;
using NegotiationSim.Server.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// The war-game's rounds run on the host's Orleans grains, and a game resumed from its journal (replayed on fresh
/// grains) is the same game as one that never stopped: same rounds, same offer values, and the same next round. The
/// debrief's counterfactuals re-run the game on the reference engine, which gives the grains' bytes for the same inputs.
/// </summary>
public sealed class WargameGrainsTests
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 5);
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static string Bytes(WargameSession s) =>
        JsonSerializer.Serialize(new { s.Reports, Values = s.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToList() }, Exact);

    private static async Task MoveAsync(WargameServer host, string code, int round, string bloc) =>
        Assert.True((await host.Team(code, "POST move", new { round, bloc })).IsSuccessStatusCode);

    [Fact]
    public async Task Rounds_RunOnGrains_AndAResumedGameEqualsTheUninterruptedOne()
    {
        var played = Directory.CreateTempSubdirectory("negsim-wargame-").FullName;
        var copy = Directory.CreateTempSubdirectory("negsim-wargame-").FullName;
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules, played);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        var afterFirst = await host.Session.GrainCallsAsync();
        Assert.True(afterFirst > 0, "round 1 was simulated without a grain call");

        var offer = new { round = 1, partner = "KOR", role = "buy", mineral = "gallium", stage = "refined", levels = new[] { 2, 2, 1, 0, 0, 0, 0 } };
        Assert.True((await host.Team(japan, "POST offer", offer)).IsSuccessStatusCode);
        Assert.True((await host.Team(korea, "POST answer", new { round = 1, offerId = "O1", accept = true })).IsSuccessStatusCode);
        await MoveAsync(host, japan, 1, "Stay");
        await MoveAsync(host, korea, 1, "Join"); // closes round 1: round 2 simulated with the deal
        Assert.True((await host.Instructor("POST inject", new { kind = "disruption", country = "CHN", mineral = "gallium", stage = "refined" })).IsSuccessStatusCode);
        await MoveAsync(host, japan, 2, "Stay"); // Japan founded FORGE and may not leave
        await MoveAsync(host, korea, 2, "Leave"); // round 3 simulated with the disruption
        Assert.Equal(3, host.Session.Reports.Count);
        Assert.True(await host.Session.GrainCallsAsync() > afterFirst, "rounds 2 and 3 made no grain calls");

        // The silo holds the game's simulation, country and market grains: what /dashboard lists.
        var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var types = (await management.GetSimpleGrainStatistics()).Where(g => g.ActivationCount > 0).Select(g => g.GrainType).ToList();
        foreach (var grain in new[] { "SimulationGrain", "CountryGrain", "MarketGrain" })
            Assert.Contains(types, t => t.Contains(grain, StringComparison.Ordinal));

        // Resume a copy of the journal on a second host: its rounds are replayed on fresh grains of a new run.
        File.Copy(Path.Combine(played, "game.jsonl"), Path.Combine(copy, "game.jsonl"));
        await using var resumed = await WargameServer.StartAsync(WargameServer.Gallium, Rules, copy);
        Assert.NotEqual(host.Session.RunId, resumed.Session.RunId);
        Assert.Equal(3, resumed.Session.Game.Round);
        Assert.Equal(Bytes(host.Session), Bytes(resumed.Session));
        // The restart paused the round its timer was running in; the instructor resumes it.
        Assert.Equal(GamePhase.Paused, resumed.Session.Game.Phase);
        Assert.True((await resumed.Instructor("POST resume")).IsSuccessStatusCode);

        // The reference engine, fed the same game's directives (as the debrief's re-runs are), gives the grains' bytes.
        var g = host.Session.Game;
        var reference = new Simulation(host.Session.Scenario, new ReferenceHost(host.Session.Scenario));
        var rerun = new List<RoundReport> { await reference.RunRoundAsync(1, Directives.ForFirstRound(g, host.Session.World)) };
        foreach (var h in g.History) rerun.Add(await reference.RunRoundAsync(h.Round + 1, Directives.After(g, host.Session.World, h.Round)));
        Assert.Equal(JsonSerializer.Serialize(host.Session.Reports, Exact), JsonSerializer.Serialize(rerun, Exact));

        // And both go on alike: the same moves close round 3 into the same round 4.
        foreach (var h in new[] { host, resumed })
        {
            await MoveAsync(h, japan, 3, "Stay");
            await MoveAsync(h, korea, 3, "Stay");
        }
        Assert.Equal(4, resumed.Session.Reports.Count);
        Assert.Equal(Bytes(host.Session), Bytes(resumed.Session));
    }
}
