using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>`capacity_growth`: the base year's committed projects keep every producer's capacity growing at a trend rate.</summary>
public sealed class CapacityGrowthTests
{
    private static IReadOnlyList<RoundReport> Run(string capacityGrowth)
    {
        var text = File.ReadAllText(TestFiles.GalliumControl)
            .Replace("    demand_growth: 0.05\n", $"    demand_growth: 0.05\n    capacity_growth: {capacityGrowth}\n");
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-capgrowth-").FullName, "growth.yaml");
        File.WriteAllText(file, text);
        var scenario = ScenarioLoader.Load(file);
        Assert.Equal(double.Parse(capacityGrowth, System.Globalization.CultureInfo.InvariantCulture), scenario.World.Minerals[0].CapacityGrowthPerYear);
        return TestFiles.RunReference(scenario);
    }

    private static double WorldFob(RoundReport r, string stage) => r.Prices.Single(p => p.Mineral == "gallium" && p.Stage == stage).WorldFob;

    [Fact]
    public void CapacityGrowth_FasterThanDemand_MoreOutputAndLowerPricesThanNone()
    {
        var none = Run("0");
        var fast = Run("0.5");

        // Round 1 differs by only a month of trend; by round 8 the growing plants produce more and sell cheaper.
        double OreOutput(IReadOnlyList<RoundReport> rounds, int t) => rounds[t - 1].Rows.Where(r => r.Mineral == "gallium" && r.Stage == "ore").Sum(r => r.Output);
        Assert.True(OreOutput(fast, 8) > 1.05 * OreOutput(none, 8), $"{OreOutput(fast, 8)} vs {OreOutput(none, 8)}");
        Assert.True(WorldFob(fast[7], "ore") < WorldFob(none[7], "ore"), $"{WorldFob(fast[7], "ore")} vs {WorldFob(none[7], "ore")}");
    }
}
