using NegotiationSim.Cli;
using NegotiationSim.Scenarios;

namespace NegotiationSim.Cli.Tests;

/// <summary>The bench runs an engine with no one listening to the rounds; they must still run.</summary>
public sealed class EnginesTests
{
    [Theory]
    [InlineData(EngineKind.Reference)]
    [InlineData(EngineKind.Grains)]
    public async Task RunAsync_NoRoundListener_RunsEveryRound(EngineKind engine)
    {
        // Given
        var scenario = ScenarioLoader.Load(Path.Combine(RunCommandTests.Repo(), "tests", "data", "gallium-control.yaml")) with { Rounds = 2 };

        // When
        var (rounds, calls) = await Engines.RunAsync(scenario, engine);

        // Then: two rounds, and on the grains engine the country and market grains were called each round
        Assert.Equal(2, rounds);
        if (engine == EngineKind.Grains) Assert.True(calls >= 2 * (scenario.World.CountryCount + scenario.World.Minerals.Count), $"{calls} grain calls");
        else Assert.Equal(0, calls);
    }
}
