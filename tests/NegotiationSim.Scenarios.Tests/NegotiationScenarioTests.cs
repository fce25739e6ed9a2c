using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>The `negotiation:` section and stance strategies: names checked where they are written, user assemblies found relative to the file.</summary>
public sealed class NegotiationScenarioTests
{
    private const string UsStance = "stance: { economic: 1, security: 0.8, alignment: 1, autonomy: 0.2 }";

    /// <summary>The gallium world with the US's strategy named and a negotiation section, written to a folder of its own.</summary>
    private static string Write(string strategy, string negotiation)
    {
        var text = File.ReadAllText(TestFiles.GalliumControl);
        Assert.Contains(UsStance, text);
        text = text.Replace(UsStance, UsStance.Replace(" }", $", strategy: {strategy} }}", StringComparison.Ordinal), StringComparison.Ordinal)
            + "\nnegotiation:\n" + negotiation;
        var dir = Directory.CreateTempSubdirectory("negsim-neg-").FullName;
        var path = Path.Combine(dir, "scenario.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Relative(string fromScenario, string assembly) =>
        Path.GetRelativePath(Path.GetDirectoryName(fromScenario)!, assembly).Replace('\\', '/');

    [Fact]
    public void Load_UnknownStrategy_ErrorAtTheStanceListsTheAvailableOnes()
    {
        var path = Write("bulware", "  steps_per_round: 16\n");
        Assert.False(ScenarioLoader.TryLoad(path, out _, out var errors));
        var e = Assert.Single(errors);
        Assert.Equal(19, e.Line);
        Assert.Equal("unknown strategy 'bulware'; available: boulware, linear, conceder, tit-for-tat, rubinstein", e.Message);
    }

    [Fact]
    public void Load_MissingStrategyAssembly_ErrorSaysWhatToBuild()
    {
        var path = Write("boulware", "  strategy_assemblies: [strategies/Missing.dll]\n");
        Assert.False(ScenarioLoader.TryLoad(path, out _, out var errors));
        Assert.Contains(errors, e => e.Message.StartsWith("strategy assembly 'strategies/Missing.dll' not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_UserStrategyFromAssemblyRelativeToTheScenario_NegotiatesWithIt()
    {
        // Given the README's example strategy, built next to these tests, named by the US in its stance
        var dll = Path.Combine(AppContext.BaseDirectory, "NegotiationSim.SampleStrategy.dll");
        var path = Write("SplitTheDifference", "  sessions_per_round: 4\n  strategy_assemblies: [PLACEHOLDER]\n");
        File.WriteAllText(path, File.ReadAllText(path).Replace("PLACEHOLDER", Relative(path, dll), StringComparison.Ordinal));
        var scenario = ScenarioLoader.Load(path);
        Assert.Equal(Path.GetFullPath(dll), Assert.Single(scenario.Negotiation!.StrategyAssemblies));

        // When
        var reports = await Run(scenario with { Rounds = 4 });

        // Then the US's sessions ran it, and every agreement it made gives it at least half its best
        var sessions = reports.SelectMany(r => r.Sessions).Where(s => s.Buyer == "USA" || s.Seller == "USA").ToArray();
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s => Assert.Equal("SplitTheDifference", s.Buyer == "USA" ? s.BuyerStrategy : s.SellerStrategy));
        Assert.All(sessions.Where(s => s.Status == "agreed"), s =>
            Assert.True((s.Buyer == "USA" ? s.Offers[^1].NormalisedBuyer : s.Offers[^1].NormalisedSeller) >= 0.5));
    }

    [Fact]
    public async Task Run_UserStrategyThrows_SessionWalksAwayWithTheErrorAndTheRunGoesOn()
    {
        var path = Write("Faulty", "  sessions_per_round: 4\n  strategy_assemblies: [PLACEHOLDER]\n");
        File.WriteAllText(path, File.ReadAllText(path).Replace("PLACEHOLDER", Relative(path, typeof(FaultyStrategy).Assembly.Location), StringComparison.Ordinal));
        var scenario = ScenarioLoader.Load(path) with { Rounds = 4 };

        var reports = await Run(scenario);

        Assert.Equal(4, reports.Count);
        var us = reports.SelectMany(r => r.Sessions).Where(s => s.Buyer == "USA" || s.Seller == "USA").ToArray();
        Assert.NotEmpty(us);
        Assert.All(us, s =>
        {
            Assert.Equal("walked-away", s.Status);
            Assert.Equal("USA's strategy failed: InvalidOperationException: the faulty strategy has a bug", s.Note);
        });
        Assert.Contains(reports.SelectMany(r => r.Sessions), s => s.Buyer != "USA" && s.Seller != "USA");
    }

    private static async Task<List<RoundReport>> Run(Core.Policy.Scenario scenario)
    {
        var simulation = new Simulation(scenario, new ReferenceHost(scenario));
        var reports = new List<RoundReport>();
        for (var t = 1; t <= scenario.Rounds; t++) reports.Add(await simulation.RunRoundAsync(t));
        return reports;
    }
}

/// <summary>A user strategy with a bug, loaded from this test assembly by a scenario.</summary>
public sealed class FaultyStrategy : INegotiationStrategy
{
    public int Propose(ISessionView view) => throw new InvalidOperationException("the faulty strategy has a bug");
    public Response Respond(ISessionView view, int offer) => throw new InvalidOperationException("the faulty strategy has a bug");
}
