using NegotiationSim.Core.Bloc;
using NegotiationSim.Core.Classroom;

namespace NegotiationSim.Core.Tests;

/// <summary>Closed-form cases of MODEL.md §8 V10 (numbers from §2.8 and §4.3).</summary>
public sealed class AnalyticCasesTests
{
    private const double Tol = 1e-9;
    private static readonly LinearImportDemand Home = new(100, 2);

    [Fact]
    public void SpatialMarket_TwoRegionSpecificTariff_MatchesSection28A()
    {
        // Given ED_H = 100 − 2P, ES_F = −20 + 2P and no tariff, then a specific tariff of 10
        var free = SpatialMarket.Solve(Home, [new SpatialExporter(-20, 2)]);
        var taxed = SpatialMarket.Solve(Home, [new SpatialExporter(-20, 2, SpecificTariff: 10)]);

        // Then free trade clears at 30 with 40 imported ...
        Assert.Equal(30, free.ImporterPrice, Tol);
        Assert.Equal(40, free.Imports, Tol);
        Assert.Equal(0, free.Welfare.World, Tol);
        // ... and the tariff splits the wedge: P_F = 25, P_H = 35, M = 30, revenue 300
        Assert.Equal(35, taxed.ImporterPrice, Tol);
        Assert.Equal(25, taxed.Exporters[0].FobPrice, Tol);
        Assert.Equal(30, taxed.Imports, Tol);
        Assert.Equal(300, taxed.TariffRevenue, Tol);
        Assert.Equal(-175, taxed.Welfare.ConsumerSurplusChange, Tol);
        Assert.Equal(125, taxed.Welfare.ImporterTotal, Tol);
        Assert.Equal(-175, taxed.Exporters[0].ProducerSurplusChange, Tol);
        Assert.Equal(-50, taxed.Welfare.World, Tol);
        Assert.Equal(0.5 * 10 * (taxed.Imports - free.Imports), taxed.Welfare.World, Tol);
    }

    private static readonly SpatialExporter Aus = new(-10, 1, IsBlocMember: true);
    private static readonly SpatialExporter Cn = new(-10, 3);

    [Fact]
    public void SpatialMarket_FreeTradeWithMemberAndOutsider_MatchesSection28B()
    {
        var free = SpatialMarket.Solve(Home, [Aus, Cn]);

        Assert.Equal(20, free.ImporterPrice, Tol);
        Assert.Equal(60, free.Imports, Tol);
        Assert.Equal(10, free.Exporters[0].Quantity, Tol);
        Assert.Equal(50, free.Exporters[1].Quantity, Tol);
    }

    [Fact]
    public void SpatialMarket_BindingFloorWithLevyOnOutsider_MatchesSection28B()
    {
        // When the floor r = 30 is enforced by a levy on CN only
        var floor = SpatialMarket.Solve(Home, [Aus, Cn], priceFloor: 30);

        // Then US imports 40 (AUS 20, CN 20), CN's FOB is 10 and the levy is 20/t, raising 400
        Assert.Equal(30, floor.ImporterPrice, Tol);
        Assert.Equal(40, floor.Imports, Tol);
        Assert.Equal(20, floor.Exporters[0].Quantity, Tol);
        Assert.Equal(20, floor.Exporters[1].Quantity, Tol);
        Assert.Equal(10, floor.Exporters[1].FobPrice, Tol);
        Assert.Equal(20, floor.LevyPerUnit, Tol);
        Assert.Equal(400, floor.LevyRevenue, Tol);
        Assert.Equal(0, floor.TariffRevenue, Tol);
        Assert.Equal(-500, floor.Welfare.ConsumerSurplusChange, Tol);
        Assert.Equal(-100, floor.Welfare.ImporterTotal, Tol);
        Assert.Equal(150, floor.Exporters[0].ProducerSurplusChange, Tol);
        Assert.Equal(-350, floor.Exporters[1].ProducerSurplusChange, Tol);
        Assert.Equal(-300, floor.Welfare.World, Tol);
        // V10.5: the outsider's landed price sits exactly on the floor
        Assert.Equal(30, floor.Exporters[1].FobPrice + floor.LevyPerUnit, Tol);
    }

    [Fact]
    public void SpatialMarket_FloorBelowMarketPrice_LevyIsZero()
    {
        var outcome = SpatialMarket.Solve(Home, [Aus, Cn], priceFloor: 15);

        Assert.Equal(0, outcome.LevyPerUnit);
        Assert.Equal(20, outcome.ImporterPrice, Tol);
        Assert.Equal(0, outcome.Welfare.World, Tol);
    }

    [Fact]
    public void SpatialMarket_SmallCountryTariff_WorldPriceUnchangedAndLossIsHalfTDeltaM()
    {
        // Given a nearly perfectly elastic foreign supply at world price 30. The home terms-of-trade gain is O(1/d)
        // (6e-7 at d = 1e9, 6e-8 at d = 1e10), so d = 1e10 keeps it well inside the 1e-6 tolerance.
        const double d = 1e10, t = 10;
        var foreign = new SpatialExporter(-30 * d, d);

        // When the importer levies a specific tariff t
        var free = SpatialMarket.Solve(Home, [foreign]);
        var taxed = SpatialMarket.Solve(Home, [foreign with { SpecificTariff = t }]);

        // Then the FOB price does not move and the home country bears the whole ½·t·ΔM loss
        var halfTDeltaM = 0.5 * t * (taxed.Imports - free.Imports);
        Assert.Equal(free.Exporters[0].FobPrice, taxed.Exporters[0].FobPrice, 1e-6);
        Assert.Equal(-100, halfTDeltaM, 1e-6);
        Assert.Equal(halfTDeltaM, taxed.Welfare.ImporterTotal, 1e-6);
        Assert.Equal(halfTDeltaM, taxed.Welfare.World, 1e-6);
    }

    [Fact]
    public void SpatialMarket_WelfareMaximisingTariff_AdValoremEquivalentIsInverseExportSupplyElasticity()
    {
        // Given the §2.8 A market. Home welfare depends on the tariff only through the import volume M, and its
        // first-order condition P_H(M) = P_F(M) + M·P_F'(M) reads (P_H − P_F)/P_F = 1/η_X with η_X = d·P_F/M.
        // So whichever instrument reaches the optimum, its ad-valorem equivalent t/P_F equals 1/η_X there.
        var foreign = new SpatialExporter(-20, 2);
        double HomeWelfare(double t) => SpatialMarket.Solve(Home, [foreign with { SpecificTariff = t }]).Welfare.ImporterTotal;

        // When the best specific tariff is found by golden-section search
        var best = GoldenSectionMax(HomeWelfare, 0, 40);
        var outcome = SpatialMarket.Solve(Home, [foreign with { SpecificTariff = best }]);
        var fob = outcome.Exporters[0].FobPrice;
        var etaX = foreign.Slope * fob / outcome.Imports;

        // Then t*/P_F = 1/η_X (here M = 80/3, P_F = 70/3, t* = 40/3, η_X = 7/4)
        Assert.Equal(1 / etaX, best / fob, 1e-4);
        Assert.Equal(40.0 / 3, best, 1e-4);
        Assert.Equal(4.0 / 7, best / fob, 1e-4);
    }

    private static double GoldenSectionMax(Func<double, double> f, double lo, double hi)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo);
        double f1 = f(x1), f2 = f(x2);
        while (hi - lo > 1e-9)
        {
            if (f1 < f2) { lo = x1; (x1, f1) = (x2, f2); x2 = lo + ratio * (hi - lo); f2 = f(x2); }
            else { hi = x2; (x2, f2) = (x1, f1); x1 = hi - ratio * (hi - lo); f1 = f(x1); }
        }
        return 0.5 * (lo + hi);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(50)]
    [InlineData(200)]
    public void StableSizes_LinearBenefitQuadraticCostGame_OnlyThreeIsStable(int n)
    {
        // Given π = b·Q − (c/2)·q², members playing q_m = k·b/c and outsiders q_n = b/c (Barrett 1994).
        // b = c = 1 keeps every payoff a dyadic rational, so the k = 3 / k = 4 ties are exact in doubles.
        const double b = 1, c = 1;
        double Total(int k) => k * (k * b / c) + (n - k) * (b / c);
        double Member(int k) => b * Total(k) - c / 2 * Math.Pow(k * b / c, 2);
        double Outsider(int k) => b * Total(k) - c / 2 * Math.Pow(b / c, 2);

        // When
        var sizes = CoalitionStability.StableSizes(n, Member, Outsider);

        // Then
        Assert.Equal([3], sizes);
    }

    [Fact]
    public void Assess_HandMadeMargins_ListsLeaversAndOnlyEligibleJoiners()
    {
        // Given members {0, 1, 2}; country 3 is an eligible outsider on a tie, country 4 is ineligible
        bool[] members = [true, true, true, false, false];
        bool[] eligible = [true, true, true, true, false];
        double[] margins = [0.5, -2, 0, 0, 7];

        // When
        var result = CoalitionStability.Assess(members, eligible, j => margins[j]);

        // Then member 1 leaves, member 2 stays on its tie, outsider 3 joins on its tie, and 4 is ignored
        Assert.Equal([new CountryMargin(1, -2)], result.WouldLeave);
        Assert.Equal([new CountryMargin(3, 0)], result.WouldJoin);
        Assert.False(result.InternallyStable);
        Assert.False(result.ExternallyStable);
        Assert.False(result.Stable);
    }

    [Fact]
    public void Assess_NoProfitableMove_IsStable()
    {
        var result = CoalitionStability.Assess([true, false], [true, true], j => j == 0 ? 1 : -1);

        Assert.True(result.Stable);
        Assert.Empty(result.WouldLeave);
        Assert.Empty(result.WouldJoin);
    }
}
