using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;
using Xunit.Abstractions;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// The debrief compares a team with the computer playing its seat in a re-run (a stand-in, RoundDirectives.StandIns). In
/// tests/data/gallium-negotiation.yaml, with automatic sessions: the other pairs bargain as in the game, and a team that
/// signs exactly the deals and takes exactly the bloc decisions the computer takes in its seat, each in the round the
/// computer took it, has the computer's welfare in every round.
/// </summary>
public sealed class StandInTests(ITestOutputHelper output)
{
    private static readonly Scenario Scenario = ScenarioLoader.Load(Path.Combine(TestFiles.Repo, "tests", "data", "gallium-negotiation.yaml"));
    private static WorldDefinition World => Scenario.World;

    /// <summary>
    /// The same world with sessions that end in the round they open (max_rounds 1). A session's agreement is valued on the
    /// market of the round it opened, a team's on the round it was agreed in: the two sign the same deal only when those
    /// are the same round.
    /// </summary>
    private static readonly Scenario OneRoundSessions = ScenarioLoader.Load(TestFiles.Write("negsim-standin-",
        $"extends: {Path.Combine(TestFiles.Repo, "tests", "data", "gallium-negotiation.yaml")}\nnegotiation: {{ max_rounds: 1 }}\n"));

    private static IReadOnlyList<RoundReport> Run(int rounds, Func<int, RoundDirectives> directives, Scenario? scenario = null)
    {
        scenario ??= Scenario;
        var simulation = new Simulation(scenario, new ReferenceHost(scenario));
        return Enumerable.Range(1, rounds).Select(r => simulation.RunRoundAsync(r, directives(r)).GetAwaiter().GetResult()).ToArray();
    }

    private static double Welfare(RoundReport r, string country) => r.Rows.Where(x => x.Country == country)
        .Sum(x => x.ConsumerSurplus + x.ProducerSurplus + x.TariffRevenue + x.ExportRent + x.Subsidy + x.ContractTransfer);

    /// <summary>Sessions opened in a round between pairs without <paramref name="seat"/>: who, over what.</summary>
    private static string[] OthersOpened(RoundReport r, string seat) => r.Events
        .Where(e => e.Kind == "negotiation-opened" && e.Country != seat && !e.Reason.Contains(" with " + Name(seat) + ":", StringComparison.Ordinal))
        .Select(e => $"{e.Country} {e.Mineral} {e.Stage} {e.Reason[(e.Reason.IndexOf(' ', StringComparison.Ordinal) + 1)..]}").ToArray();

    private static string Name(string id) => World.Countries[World.CountryIndex(id)].Name;

    [Theory]
    [InlineData("JPN")]
    [InlineData("USA")]
    public void StandIn_LeavesTheOtherPairsSessionsAsInTheGame(string seat)
    {
        var x = World.CountryIndex(seat);
        var game = Run(1, _ => new RoundDirectives([x], [], [], []));
        var standIn = Run(1, _ => new RoundDirectives([], [], [], [], StandIns: [x]));
        var plain = Run(1, _ => RoundDirectives.None);
        foreach (var (name, r) in new[] { ("game", game), ("stand-in", standIn), ("plain", plain) })
            output.WriteLine($"{name}: {string.Join(" | ", r[0].Events.Where(e => e.Kind == "negotiation-opened").Select(e => e.Country + " " + e.Reason))}");
        // Nothing the seat does takes effect within round 1, so the other pairs' sessions are the game's exactly...
        Assert.Equal(OthersOpened(game[0], seat), OthersOpened(standIn[0], seat));
        // ...and the computer bargains in the seat all the same.
        Assert.Contains(standIn[0].Events, e => e.Kind == "negotiation-opened" && (e.Country == seat || e.Reason.Contains(" with " + Name(seat) + ":", StringComparison.Ordinal)));
        // Without the stand-in the seat's sessions took slots the game gives to other pairs: the case this guards.
        Assert.NotEqual(OthersOpened(game[0], seat), OthersOpened(plain[0], seat));
    }

    [Fact]
    public void Team_SigningTheDealsTheComputerSignsInItsSeat_HasNoDifferenceInAnyRound()
    {
        const string seat = "JPN"; // Japan's computer agrees with Korea and China in rounds 1 and 2
        const int rounds = 8;
        var x = World.CountryIndex(seat);
        var computer = Run(rounds, _ => new RoundDirectives([], [], [], [], StandIns: [x]), OneRoundSessions);
        // What the computer did in the seat in round r: its bloc decisions and the agreements its sessions reached.
        BlocDirective[] Decisions(int r) => computer[r - 1].Events
            .Where(e => e.Country == seat && e.Kind is "decides-to-join" or "decides-to-leave")
            .Select(e => new BlocDirective(x, e.Kind == "decides-to-join")).ToArray();
        AgreedDeal[] Agreements(int r) => computer[r - 1].Sessions
            .Where(s => s.Status == "agreed" && (s.Buyer == seat || s.Seller == seat))
            .Select(s => new AgreedDeal("W" + s.Id[1..], World.CountryIndex(s.Buyer), World.CountryIndex(s.Seller), World.MineralIndex(s.Mineral),
                Stages.All.Single(t => Stages.Name(t) == s.Stage), s.Offers.Last(o => o.Terms == s.Agreement).Outcome)).ToArray();
        var agreed = Enumerable.Range(1, rounds - 1).SelectMany(r => computer[r - 1].Sessions.Where(s => s.Status == "agreed" && (s.Buyer == seat || s.Seller == seat))).ToArray();
        Assert.NotEmpty(agreed); // the computer signs in the seat: the case under test
        Assert.All(agreed, s => Assert.Equal(s.Opened, computer.Single(r => r.Sessions.Contains(s)).Round)); // each within the round it opened

        // The team gives each in the game round that shows round r; the engine takes it with round r + 1.
        var team = Run(rounds, r => r == 1 ? new RoundDirectives([x], [], [], []) : new RoundDirectives([x], Decisions(r - 1), Agreements(r - 1), []),
            OneRoundSessions);
        for (var k = 0; k < rounds; k++)
        {
            var (mine, its) = (Welfare(team[k], seat), Welfare(computer[k], seat));
            output.WriteLine($"round {k + 1}: team {mine:G8} computer {its:G8}; deals {string.Join(", ", team[k].Deals.Where(d => d.Status == "signed").Select(d => d.Id + "@" + d.Start))} vs {string.Join(", ", computer[k].Deals.Where(d => d.Status == "signed").Select(d => d.Id + "@" + d.Start))}");
            Assert.True(Math.Abs(mine - its) <= 1e-9 * Math.Max(1, Math.Abs(its)), $"round {k + 1}: team {mine} vs computer {its}");
            Assert.Equal(computer[k].Members, team[k].Members);
        }
        // Each of the team's deals is in force from the round the computer's is.
        Assert.Equal(computer.SelectMany(r => r.Deals).Where(d => d.Status == "signed" && (d.Buyer == seat || d.Seller == seat)).Select(d => (d.Start, d.End, d.Volume, d.ContractPrice)),
            team.SelectMany(r => r.Deals).Where(d => d.Status == "signed" && (d.Buyer == seat || d.Seller == seat)).Select(d => (d.Start, d.End, d.Volume, d.ContractPrice)));
    }
}
