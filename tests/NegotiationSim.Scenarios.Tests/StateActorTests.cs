using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>MODEL.md §4.4: the bloc leader keeps a floor at least at the recent average price less a band.</summary>
public sealed class StateActorTests
{
    private static IReadOnlyList<RoundReport> RunWithFloorRatio(string ratio)
    {
        var text = File.ReadAllText(TestFiles.GalliumControl).Replace("price_ratio: 1.2", "price_ratio: " + ratio);
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-floor-").FullName, "floor.yaml");
        File.WriteAllText(file, text);
        var scenario = ScenarioLoader.Load(file);
        return TestFiles.RunReference(scenario);
    }

    [Fact]
    public void FloorReview_FloorFarBelowPrices_RaisedToAverageLessBandAtReview()
    {
        // Given a floor at half the base price, far below where prices trade.
        var rounds = RunWithFloorRatio("0.5");

        // When the leader reviews its floors (every 6 rounds by default)
        var review = rounds[5].Events.Single(e => e.Kind == "floor-review" && e.Mineral == "gallium");
        var floorBefore = rounds[5].Prices.Single(p => p.Mineral == "gallium" && p.Stage == "refined").Floor;
        var floorAfter = rounds[6].Prices.Single(p => p.Mineral == "gallium" && p.Stage == "refined").Floor;

        // Then the floor rises to 90% of the average world FOB price of the first six rounds, from the next round on.
        var average = rounds.Take(6).Average(r => r.Prices.Single(p => p.Mineral == "gallium" && p.Stage == "refined").WorldFob);
        Assert.Equal(150_000, floorBefore, 6);
        Assert.Equal(0.9 * average, floorAfter, 6);
        Assert.Equal(floorAfter, review.Value, 6);
        Assert.Contains("incentive price", review.Reason);
    }

    [Fact]
    public void FloorReview_FloorAboveRecentPrices_Unchanged()
    {
        var rounds = RunWithFloorRatio("3.0");
        Assert.DoesNotContain(rounds.SelectMany(r => r.Events), e => e.Kind == "floor-review");
        Assert.All(rounds, r => Assert.Equal(900_000, r.Prices.Single(p => p.Mineral == "gallium" && p.Stage == "refined").Floor, 6));
    }
}

/// <summary>MODEL.md §4.1: L232, the welfare a threatened exporter loses if the duty lands, from the linear model.</summary>
public sealed class Section232LossTests
{
    [Fact]
    public async Task Section232Loss_ExporterToUs_PositiveAndRisingWithRate()
    {
        // Given one cleared round of the test world
        var scenario = ScenarioLoader.Load(TestFiles.GalliumControl);
        var host = new ReferenceHost(scenario);
        await new Simulation(scenario, host).RunRoundAsync(1);
        var world = scenario.World;
        var stages = NegotiationSim.Core.Market.MarketStageSet.Of([NegotiationSim.Core.World.Stage.Refined, NegotiationSim.Core.World.Stage.Product]);
        int kor = world.CountryIndex("KOR"), usa = world.CountryIndex("USA");

        // When
        var low = (await host.Section232LossesAsync([new Section232Probe(kor, usa, stages, 0.10)])).Sum(m => m[0]);
        var high = (await host.Section232LossesAsync([new Section232Probe(kor, usa, stages, 0.25)])).Sum(m => m[0]);

        // Then
        Assert.True(low > 0, $"loss at 10%: {low}");
        Assert.True(high > low, $"loss at 25% {high} vs 10% {low}");
    }
}
