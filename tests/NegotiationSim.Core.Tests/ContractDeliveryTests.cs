using NegotiationSim.Core.Market;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Tests;

/// <summary>
/// What a player sees of a signed offtake contract in the market (MODEL.md §3.6): its tonnes arrive whatever the spot
/// market does, a capacity shortfall takes the spot sales first, and only a seller that cannot cover its contracts at
/// all cuts them, the same share each. Three countries: two refiners (0 and 1) and a buyer with no refinery (2).
/// </summary>
public sealed class ContractDeliveryTests
{
    private const int Refined = 1;
    private const int N = 3;
    private static readonly StageParameters Plain = new(100, 0.5, 4, -0.2, 0.2, 0.5, 0.05);

    private static readonly WorldCase World = new(N,
        Production: [400, 400, 400, 600, 600, 600, 0, 0, 0],
        CapacityMultiple: [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5],
        Consumption: [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.4, 0.4],
        Stages: [Plain, Plain with { BasePrice = 1000 }, Plain with { BasePrice = 5000, OtherUseShare = 1 }],
        BaseMfn: [0, 0, 0], Tariff: new double[3 * N * N], TaxedExporter: 0, ExportTax: 0);

    private static readonly MarketBase[] Bases = Calibration.BuildMineral(World.ToWorld(), 0);

    private static MarketOutcome Solve(double[]? contracted = null, Action<MarketConditions>? shock = null)
    {
        var conditions = Bases.Select((b, s) => MarketPropertyTests.Conditions(b, contracted: s == Refined ? contracted : null)).ToArray();
        shock?.Invoke(conditions[Refined]);
        var outcome = MineralSolver.Solve(Bases, conditions).Stages[Refined];
        Assert.True(outcome.Residual < 1e-8, $"residual {outcome.Residual:R}");
        return outcome;
    }

    private static double[] Contract(params (int Seller, int Buyer, double Tonnes)[] contracts)
    {
        var q = new double[N * N];
        foreach (var (i, j, t) in contracts) q[i * N + j] += t;
        return q;
    }

    private static double Sales(MarketOutcome o, int i) => Enumerable.Range(0, N).Sum(j => o.Flows[i * N + j]);

    [Fact]
    public void Contract_BuyerTariffMakesSellerDear_ContractedTonnesStillArrive()
    {
        var baseFlow = Bases[Refined].Flows[0 * N + 2];
        // The buyer puts a 60% tariff on refiner 0: on the spot market it would buy much less from 0.
        void Tariff(MarketConditions c) => c.Tariff[0 * N + 2] = 0.6;
        var spotOnly = Solve(shock: Tariff);
        Assert.True(spotOnly.Flows[0 * N + 2] < 0.5 * baseFlow, $"without a contract the flow is {spotOnly.Flows[2]:R} of {baseFlow:R}");
        var contracted = Solve(Contract((0, 2, baseFlow)), Tariff);
        Assert.Equal(baseFlow, contracted.Contracted![0 * N + 2], 9);
        Assert.True(contracted.Flows[0 * N + 2] >= baseFlow, $"with the contract the flow is {contracted.Flows[2]:R}, contract {baseFlow:R}");
        // Its tonnes still clear: refiner 0 sells what it makes and the buyer takes what was contracted.
        Assert.Equal(contracted.Output[0], Sales(contracted, 0), 6);
    }

    [Fact]
    public void Shortfall_SellerLosesHalfItsCapacity_SpotSalesAbsorbTheCutAndTheContractIsWhole()
    {
        var volume = 0.3 * Bases[Refined].Production[0];
        void Disrupt(MarketConditions c) => c.Capacity[0] *= 0.5 / 1.5 * 1.2; // 60% of base output: a real shortfall
        var open = Solve(Contract((0, 2, volume)));
        var disrupted = Solve(Contract((0, 2, volume)), Disrupt);
        Assert.True(disrupted.Output[0] < 0.7 * open.Output[0], $"output {disrupted.Output[0]:R} vs {open.Output[0]:R}");
        Assert.Equal(volume, disrupted.Contracted![0 * N + 2], 9);
        var spotBefore = Sales(open, 0) - volume;
        var spotAfter = Sales(disrupted, 0) - volume;
        // Every tonne lost comes out of spot.
        Assert.Equal(open.Output[0] - disrupted.Output[0], spotBefore - spotAfter, 6);
    }

    [Fact]
    public void Shortfall_ContractsExceedCapacity_CutProRataWithNoSpotSales()
    {
        var output = Bases[Refined].Production[0];
        var toBuyer = 0.5 * output;
        var toRival = 0.3 * output;
        // Capacity falls to half of the base output, below the 80% contracted: nothing is left for spot.
        void Disrupt(MarketConditions c) => c.Capacity[0] = 0.5 * output;
        var o = Solve(Contract((0, 2, toBuyer), (0, 1, toRival)), Disrupt);
        Assert.True(o.Output[0] > 0 && o.Output[0] < toBuyer + toRival, $"output {o.Output[0]:R}");
        var share = o.Output[0] / (toBuyer + toRival);
        Assert.Equal(share, o.ContractServed![0], 12);
        Assert.Equal(toBuyer * share, o.Flows[0 * N + 2], 9);
        Assert.Equal(toRival * share, o.Flows[0 * N + 1], 9);
        Assert.Equal(0.0, o.Flows[0 * N + 0]);
    }

    [Fact]
    public void Ban_HonouredContract_ContractedTonnesCrossAndNoSpot()
    {
        var volume = 0.2 * Bases[Refined].Flows[0 * N + 2];
        var o = Solve(Contract((0, 2, volume)), c => c.Quota[0 * N + 2] = 0);
        Assert.Equal(volume, o.Flows[0 * N + 2], 9);
    }
}
