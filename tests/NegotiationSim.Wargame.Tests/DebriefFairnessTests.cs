using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Server.Wargame;
using Xunit.Abstractions;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// The debrief's counterfactual gives the computer in a seat the team's timing: a team that takes exactly the computer's
/// bloc decisions, each in the game round that shows the round the computer took it in, ends with no difference at all.
/// </summary>
public sealed class DebriefFairnessTests(ITestOutputHelper output)
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 5);

    /// <summary>
    /// tests/data/gallium-threat.yaml: the bloc moves only (no automatic negotiation). Deals on the same timing, and the
    /// other pairs' sessions allocated as in the game, are tested on the engine in NegotiationSim.Scenarios.Tests' StandInTests.
    /// </summary>
    private static string Control => Path.Combine(WargameServer.Repo(), "tests", "data", "gallium-threat.yaml");

    private static Task<DebriefView> DebriefOf(WargameServer host) => host.Services.GetRequiredService<DebriefCache>().GetAsync(host.Session);

    [Fact]
    public async Task Team_MakingTheComputersMoves_HasNoDifferenceInAnyRound()
    {
        // The computer's moves in Korea's seat (Korea is under a Section 232 threat from round 1, deadline round 4).
        string[] computer;
        await using (var idle = await WargameServer.StartAsync(Control, Rules))
        {
            await idle.AddTeamAsync("Idle", "KOR");
            await idle.Instructor("POST start");
            while (idle.Session.Game.Phase == GamePhase.Running) await idle.Instructor("POST advance");
            var seat = (await DebriefOf(idle)).Teams.Single().Rounds;
            computer = seat.Select(r => r.Computer.Bloc).ToArray();
            foreach (var r in seat) output.WriteLine($"idle {r.Round}: team {r.Team.Member} computer {r.Computer.Member} {r.Computer.Bloc} diff {r.Difference:G6}");
            // Not a trivial case: the computer joins while the idle team stays out, and the debrief charges that to the team.
            Assert.Contains("join", computer);
            Assert.Contains(seat, r => r.Computer.Member && !r.Team.Member && Math.Abs(r.Difference) > 1);
        }

        await using var host = await WargameServer.StartAsync(Control, Rules);
        var korea = await host.AddTeamAsync("Mirror", "KOR");
        await host.Instructor("POST start");
        while (host.Session.Game.Phase == GamePhase.Running)
        {
            var round = host.Session.Game.Round;
            var bloc = computer[round - 1] switch { "join" => "Join", "leave" => "Leave", _ => "Stay" };
            Assert.True((await host.Team(korea, "POST move", new { round, bloc })).IsSuccessStatusCode);
        }
        var rows = (await DebriefOf(host)).Teams.Single().Rounds;
        foreach (var r in rows) output.WriteLine($"mirror {r.Round}: team {r.Team.Member} {r.Team.Bloc} computer {r.Computer.Member} {r.Computer.Bloc} diff {r.Difference:G6}");
        Assert.Equal(computer.Length, rows.Count);
        foreach (var r in rows)
        {
            Assert.Equal(r.Computer.Member, r.Team.Member);
            Assert.Equal(r.Computer.Bloc, r.Team.Bloc);
            Assert.True(Math.Abs(r.Difference) <= 1e-6 * Math.Max(1, Math.Abs(r.Computer.Welfare)), $"round {r.Round}: difference {r.Difference}");
        }
    }
}
