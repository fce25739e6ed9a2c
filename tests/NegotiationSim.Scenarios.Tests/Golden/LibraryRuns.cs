using System.Collections.Concurrent;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests.Golden;

/// <summary>Each library scenario run once per test process (reference engine, its own seed), shared by every test that reads it.</summary>
internal static class LibraryRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<(Scenario Scenario, IReadOnlyList<RoundReport> Rounds)>> Runs = new();

    public static (Scenario Scenario, IReadOnlyList<RoundReport> Rounds) Get(string name) =>
        Runs.GetOrAdd(name, n => new Lazy<(Scenario, IReadOnlyList<RoundReport>)>(() => Run(n))).Value;

    private static (Scenario, IReadOnlyList<RoundReport>) Run(string name)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(TestFiles.Repo, "scenarios", name + ".yaml"));
        var simulation = new Simulation(scenario, new ReferenceHost(scenario));
        var rounds = Enumerable.Range(1, scenario.Rounds).Select(t => simulation.RunRoundAsync(t).GetAwaiter().GetResult()).ToArray();
        return (scenario, rounds);
    }
}
