using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Core.Bloc;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;
using NegotiationSim.Scenarios;
using Orleans.TestingHost;

namespace NegotiationSim.Grains.Tests;

/// <summary>Rounds with people's decisions in them (the war-game) give the same bytes on grains as on the reference engine.</summary>
public sealed class DirectedRoundAgreementTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    private static RoundDirectives For(Scenario s, int round)
    {
        var w = s.World;
        int C(string id) => w.CountryIndex(id);
        int[] played = [C("JPN"), C("KOR")];
        return round switch
        {
            2 => new RoundDirectives(played, [new BlocDirective(C("KOR"), true)],
                [new AgreedDeal("W1", C("JPN"), C("KOR"), 0, Stage.Refined, NegotiationSim.Core.Negotiation.DealSpace.Standard.Compose(2, 2, 1, 0, 0, 0, 0))], []),
            3 => new RoundDirectives(played, [], [], [new Disruption(3, C("CHN"), 0, Stage.Refined, 0.5, 2)]),
            _ => new RoundDirectives(played, [], [], []),
        };
    }

    [Fact]
    public async Task DirectedRounds_ThreeSilos_ByteIdenticalToReference()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repo(), "tests", "data", "gallium-negotiation.yaml")) with { Rounds = 5 };
        var reference = await AgreeAsync(scenario, For, async simulation => [(await simulation.ValueOfferAsync(1, 4, 0, Stage.Refined, 7)).ToString()],
            async run => [(await run.ValueOfferAsync(1, 4, 0, Stage.Refined, 7)).ToString()]);
        // The directives must show: the teams' deal is signed and Korea's decision taken.
        Assert.Contains(reference[1].Deals, d => d.Id == "W1" && d.Status == "signed");
        Assert.Contains(reference[1].Events, e => e.Kind == "decides-to-join" && e.Country == "KOR");
    }

    /// <summary>A bloc that admits by vote: Korea's team applies in round 2, Japan's team refuses in round 3, the US (computer) votes by its what-if.</summary>
    [Fact]
    public async Task TeamVotesOnAdmission_ThreeSilos_ByteIdenticalToReference()
    {
        var loaded = ScenarioLoader.Load(Path.Combine(Repo(), "tests", "data", "gallium-negotiation.yaml"));
        var scenario = loaded with { Rounds = 4, Bloc = loaded.Bloc! with { Admission = AdmissionRule.Majority } };
        int C(string id) => scenario.World.CountryIndex(id);
        RoundDirectives Votes(Scenario s, int round) => round switch
        {
            2 => new RoundDirectives([C("JPN"), C("KOR")], [new BlocDirective(C("KOR"), true)], [], []),
            3 => new RoundDirectives([C("JPN"), C("KOR")], [], [], [], [new AdmissionBallot(C("JPN"), C("KOR"), false)]),
            _ => new RoundDirectives([C("JPN"), C("KOR")], [], [], []),
        };
        var reference = await AgreeAsync(scenario, Votes, async simulation => [.. (await simulation.ValueAdmissionAsync(C("DEU"))).Select(x => x.ToString("R"))],
            async run => [.. (await run.ValueAdmissionAsync(C("DEU"))).Select(x => x.ToString("R"))]);
        Assert.Contains(reference[1].Events, e => e.Kind == "applies-to-join" && e.Country == "KOR");
        Assert.Contains(reference[2].Events, e => e.Kind == "votes-to-refuse" && e.Country == "JPN");
        Assert.Contains(reference[2].Events, e => e.Kind == "votes-to-admit" && e.Country == "USA");
        Assert.Contains(reference[2].Events, e => e.Kind == "refused" && e.Country == "KOR"); // 1 of 2: a tie is no majority
    }

    /// <summary>Runs the directed rounds on the reference engine and on three silos; asserts the same bytes and the same valuation after.</summary>
    private static async Task<IReadOnlyList<RoundReport>> AgreeAsync(Scenario scenario, Func<Scenario, int, RoundDirectives> directives,
        Func<Simulation, Task<string[]>> valueReference, Func<ISimulationGrain, Task<string[]>> valueGrains)
    {
        var simulation = new Simulation(scenario, new ReferenceHost(scenario));
        var reference = new List<RoundReport>();
        for (var t = 1; t <= scenario.Rounds; t++) reference.Add(await simulation.RunRoundAsync(t, directives(scenario, t)));
        var value = await valueReference(simulation);

        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddNegotiationSimSerialization();
            silo.Services.AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.RandomPlacement>();
        });
        builder.ConfigureClient(client => client.Services.AddNegotiationSimSerialization());
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var run = cluster.Client.GetGrain<ISimulationGrain>("directed");
        await run.StartAsync(scenario);
        var reports = new List<RoundReport>();
        for (var t = 1; t <= scenario.Rounds; t++) reports.Add(await run.RunRoundAsync(t, directives(scenario, t)));

        Assert.Equal(Serialize(reference), Serialize(reports));
        Assert.Equal(value, await valueGrains(run));
        return reference;
    }

    private static string Serialize(IReadOnlyList<RoundReport> reports) => System.Text.Json.JsonSerializer.Serialize(reports, Serialization.Options);
}
