using NegotiationSim.Cli;
using NegotiationSim.Core.Reports;
using NegotiationSim.Scenarios;

namespace NegotiationSim.Cli.Tests;

/// <summary>
/// The run folder is written round by round; a run that fails part way must not leave half-written files behind,
/// nor damage a finished run already in that folder.
/// </summary>
public sealed class RunFilesTests
{
    private static async Task<(NegotiationSim.Core.Policy.Scenario Scenario, List<RoundReport> Rounds)> ThreeRounds()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RunCommandTests.Repo(), "tests", "data", "gallium-control.yaml")) with { Rounds = 3 };
        var rounds = new List<RoundReport>();
        await Engines.RunAsync(scenario, EngineKind.Reference, rounds.Add);
        return (scenario, rounds);
    }

    [Fact]
    public async Task Discard_AfterRoundsIntoAFinishedRunsFolder_LeavesThatRunAsItWas()
    {
        // Given: a folder holding an earlier run's files, and a new run that streams two rounds into it
        var (scenario, rounds) = await ThreeRounds();
        var dir = Directory.CreateTempSubdirectory("negsim-files-").FullName;
        RunFiles.Write(dir, scenario, rounds);
        var before = Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        // When: the new run fails after two rounds
        using (var files = new RunFiles(dir, scenario with { Seed = 99 }))
        {
            files.Add(rounds[0]);
            files.Add(rounds[1]);
            files.Discard();
        }

        // Then: the earlier run's files are all there, byte for byte, and nothing else
        var after = Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in before) Assert.Equal(bytes, after[name]);
    }

    [Fact]
    public async Task Dispose_WithoutComplete_RemovesTheFolderItCreated()
    {
        // Given
        var (scenario, rounds) = await ThreeRounds();
        var dir = Path.Combine(Directory.CreateTempSubdirectory("negsim-files-").FullName, "new-run");

        // When: the run stops with an exception before it completes
        void FailingRun()
        {
            using var files = new RunFiles(dir, scenario);
            files.Add(rounds[0]);
            throw new InvalidOperationException("engine failed");
        }
        var thrown = Assert.Throws<InvalidOperationException>(FailingRun);

        // Then
        Assert.Equal("engine failed", thrown.Message);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task Complete_StreamedRounds_EveryRoundInTheFilesAndTheSummary()
    {
        // Given
        var (scenario, rounds) = await ThreeRounds();
        var dir = Directory.CreateTempSubdirectory("negsim-files-").FullName;

        // When
        var digest = RunFiles.Write(dir, scenario, rounds);

        // Then: one membership line per round and country, the summary counts three rounds, no partial file is left
        Assert.Equal(1 + 3 * scenario.World.CountryCount, File.ReadAllLines(Path.Combine(dir, "membership.csv")).Length);
        Assert.Contains("\"rounds\": 3,", File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal(3, digest.Count);
        Assert.DoesNotContain(Directory.GetFiles(dir), f => f.EndsWith(".partial", StringComparison.Ordinal));
    }
}
