using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>A stockpile's `buy_below`: the programme buys while the price index is under it, and not above it.</summary>
public sealed class StockpileBuyBelowTests
{
    private static IReadOnlyList<RoundReport> Run(string? buyBelow)
    {
        var programme = buyBelow is null ? "" : $$"""
              - round: 1
                stockpile: { country: USA, budget: 1000000000, minerals: [gallium], buy_rate: 0.1, buy_below: {{buyBelow}} }
            """;
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-vault-").FullName, "vault.yaml");
        File.WriteAllText(file, File.ReadAllText(TestFiles.GalliumControl) + programme);
        var scenario = ScenarioLoader.Load(file);
        var simulation = new Simulation(scenario, new ReferenceHost(scenario));
        return Enumerable.Range(1, 2).Select(t => simulation.RunRoundAsync(t).GetAwaiter().GetResult()).ToArray();
    }

    private static double UsUse(RoundReport r) => r.Rows.Single(x => x.Country == "USA" && x.Mineral == "gallium" && x.Stage == "refined").Use;

    [Fact]
    public void BuyBelow_AboveThePrice_ProgrammeBuysOnTopOfUse()
    {
        var none = Run(null);
        var buying = Run("2.0");
        Assert.True(UsUse(buying[1]) > 1.05 * UsUse(none[1]), $"{UsUse(buying[1])} vs {UsUse(none[1])}");
    }

    [Fact]
    public void BuyBelow_UnderThePrice_NoPurchases()
    {
        var none = Run(null);
        var idle = Run("0.5");
        Assert.Equal(UsUse(none[1]), UsUse(idle[1]), 9);
    }
}
