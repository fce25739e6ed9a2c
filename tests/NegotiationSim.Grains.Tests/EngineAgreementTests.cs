using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;
using NegotiationSim.Scenarios;
using Orleans.TestingHost;

namespace NegotiationSim.Grains.Tests;

/// <summary>The grain engine on 1 and 3 silos (random placement) must give exactly the reference engine's reports.</summary>
public sealed class EngineAgreementTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    /// <summary>Every scenario, whole: the test worlds and the library (about 90 s for all of them on 2 cores).</summary>
    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Repo(), "tests", "data"), "*.yaml").Order()) data.Add(f);
        // world-*.yaml are datasets that scenarios extend, not scenarios of their own.
        foreach (var f in Directory.GetFiles(Path.Combine(Repo(), "scenarios"), "*.yaml").Order())
            if (!Path.GetFileName(f).StartsWith("world-", StringComparison.Ordinal)) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public async Task GrainRun_OneAndThreeSilos_ByteIdenticalToReference(string file)
    {
        // Given
        var scenario = ScenarioLoader.Load(file);
        var simulation = new Simulation(scenario, new ReferenceHost(scenario));
        var reference = new List<RoundReport>();
        for (var t = 1; t <= scenario.Rounds; t++) reference.Add(await simulation.RunRoundAsync(t));
        var expected = Serialize(reference);
        if (scenario.Negotiation is not null && !file.Contains(Path.DirectorySeparatorChar + "scenarios" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            // The negotiation worlds must actually sign deals, or agreement on them would prove nothing about deals.
            Assert.Contains(reference.SelectMany(r => r.Deals), d => d.Status == "signed");
            Assert.Contains(reference.SelectMany(r => r.Sessions), s => s.Offers.Count > 0);
        }

        foreach (var silos in new[] { 1, 3 })
        {
            // When
            var builder = new InProcessTestClusterBuilder((short)silos);
            builder.ConfigureSilo((_, silo) =>
            {
                silo.Services.AddNegotiationSimSerialization();
                silo.Services.AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.RandomPlacement>();
            });
            builder.ConfigureClient(client => client.Services.AddNegotiationSimSerialization());
            await using var cluster = builder.Build();
            await cluster.DeployAsync();
            var run = cluster.Client.GetGrain<ISimulationGrain>($"agree-{silos}-{Path.GetFileName(file)}");
            await run.StartAsync(scenario);
            var reports = new List<RoundReport>();
            for (var t = 1; t <= scenario.Rounds; t++) reports.Add(await run.RunRoundAsync(t));

            // Then
            Assert.Equal(expected, Serialize(reports));
        }
    }

    private static string Serialize(IReadOnlyList<RoundReport> reports) =>
        System.Text.Json.JsonSerializer.Serialize(reports, Serialization.Options);
}
