using NegotiationSim.Core.Market;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Tests;

/// <summary>
/// MODEL.md §8 V1(b): the level-form market solver on the GSIM 4×4 data agrees with the linear GSIM within 2% for a
/// small (1%) tariff cut between the US and the EU.
/// </summary>
public sealed class LevelVersusLinearTests
{
    private static readonly double[,] Flows =
    {
        { 0, 50, 200, 300 }, { 500, 0, 150, 200 }, { 300, 100, 200, 200 }, { 50, 100, 110, 20 },
    };

    private static readonly double[,] Powers =
    {
        { 1.00, 1.21, 1.41, 1.22 }, { 1.37, 1.00, 1.31, 1.23 }, { 1.32, 1.36, 1.00, 1.18 }, { 1.57, 1.41, 1.25, 1.15 },
    };

    private const int Us = 0, Eu = 2, N = 4;

    /// <summary>The 4×4 data as one market of the level-form model: base prices 1, no input costs, no capacity cap.</summary>
    private static MarketBase Base()
    {
        var flows = new double[N * N];
        var wedge = new double[N * N];
        var beta = new double[N * N];
        var production = new double[N];
        var use = new double[N];
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++)
            {
                flows[i * N + j] = Flows[i, j];
                wedge[i * N + j] = Powers[i, j];
                production[i] += Flows[i, j];
                use[j] += Flows[i, j];
            }
        }
        for (var j = 0; j < N; j++)
        {
            var spend = 0.0;
            for (var i = 0; i < N; i++) spend += wedge[i * N + j] * flows[i * N + j];
            for (var i = 0; i < N; i++) beta[i * N + j] = wedge[i * N + j] * flows[i * N + j] / spend;
        }
        var capacity = Enumerable.Repeat(1e15, N).ToArray();
        return new MarketBase
        {
            Id = new MarketId(0, Stage.Product),
            N = N,
            Parameters = new StageParameters(1.0, 1.0, 5.0, -1.25, 1.5, 1.0, 0.0),
            Flows = flows,
            BaseWedge = wedge,
            Production = production,
            UncappedProduction = production.Select((y, i) => SupplyCurve.Uncap(y, capacity[i])).ToArray(),
            Capacity = capacity,
            Use = use,
            OtherUse = use,
            InputCoefficientForNext = 0,
            Beta = beta,
        };
    }

    private static MarketConditions Conditions(MarketBase b, double[] tariff) => new()
    {
        Capacity = b.Capacity,
        UncappedBase = b.UncappedProduction,
        InputCost = new double[N],
        Derived = new double[N],
        Growth = 1.0,
        SpotAdjust = new double[N],
        Tariff = tariff,
        Section232 = new double[N * N],
        Levy = new double[N * N],
        ExportWedge = new double[N * N],
        Quota = Enumerable.Repeat(double.NaN, N * N).ToArray(),
    };

    [Fact]
    public void LevelSolver_OnePercentUsEuCut_WithinTwoPercentOfLinear()
    {
        // Given: the tariff rates between the US and the EU cut by 1% of their value.
        var b = Base();
        var tariff = new double[N * N];
        for (var i = 0; i < N; i++) for (var j = 0; j < N; j++) tariff[i * N + j] = Powers[i, j] - 1;
        var cut = (double[])tariff.Clone();
        cut[Us * N + Eu] *= 0.99;
        cut[Eu * N + Us] *= 0.99;

        // When
        var baseline = MarketSolver.Solve(b, Conditions(b, tariff));
        var shocked = MarketSolver.Solve(b, Conditions(b, cut));
        var powers = (double[,])Powers.Clone();
        powers[Us, Eu] = 1 + cut[Us * N + Eu];
        powers[Eu, Us] = 1 + cut[Eu * N + Us];
        var data = new GsimData(Flows, Powers, [-1.25, -1.25, -1.25, -1.25], [5, 5, 5, 5], [1.5, 1.5, 1.5, 1.5]);
        var linear = LinearGsim.Factorise(data).Solve(powers).WorldPriceChange;

        // Then: the base data is itself an equilibrium, and the level changes match the linear ones within 2%.
        Assert.All(baseline.Prices, p => Assert.Equal(1.0, p, 1e-9));
        for (var r = 0; r < N; r++)
        {
            var level = shocked.Prices[r] / baseline.Prices[r] - 1;
            Assert.True(Math.Abs(level - linear[r]) <= 0.02 * Math.Abs(linear[r]),
                $"region {r}: level {level:E4} vs linear {linear[r]:E4}");
        }
    }
}

/// <summary>The one-region shortcut the bloc uses gives exactly the full linear solve's welfare.</summary>
public sealed class RegionWelfareTests
{
    [Fact]
    public void WelfareOf_UsEuFta_EqualsFullSolveForEveryRegion()
    {
        // Given
        double[,] flows = { { 0, 50, 200, 300 }, { 500, 0, 150, 200 }, { 300, 100, 200, 200 }, { 50, 100, 110, 20 } };
        double[,] powers = { { 1.00, 1.21, 1.41, 1.22 }, { 1.37, 1.00, 1.31, 1.23 }, { 1.32, 1.36, 1.00, 1.18 }, { 1.57, 1.41, 1.25, 1.15 } };
        var model = LinearGsim.Factorise(new GsimData(flows, powers, [-1.25, -1.25, -1.25, -1.25], [5, 5, 5, 5], [1.5, 1.5, 1.5, 1.5]));
        (int, int, double)[] fta = [(2, 0, 1.0), (0, 2, 1.0), (3, 1, 1.3)];

        // When
        var full = model.Solve(fta).Welfare;

        // Then
        for (var r = 0; r < 4; r++)
        {
            var one = model.WelfareOf(r, fta);
            Assert.Equal(full[r].ProducerSurplus, one.ProducerSurplus, 10);
            Assert.Equal(full[r].ConsumerSurplus, one.ConsumerSurplus, 10);
            Assert.Equal(full[r].TariffRevenue, one.TariffRevenue, 10);
        }
    }

    [Fact]
    public void WelfareOfEach_SixWhatIfs_SameBitsAsOneByOne()
    {
        // Given: six what-ifs (four solved together on the shared factors, two alone), different regions and changes
        double[,] flows = { { 0, 50, 200, 300 }, { 500, 0, 150, 200 }, { 300, 100, 200, 200 }, { 50, 100, 110, 20 } };
        double[,] powers = { { 1.00, 1.21, 1.41, 1.22 }, { 1.37, 1.00, 1.31, 1.23 }, { 1.32, 1.36, 1.00, 1.18 }, { 1.57, 1.41, 1.25, 1.15 } };
        var model = LinearGsim.Factorise(new GsimData(flows, powers, [-1.25, -1.25, -1.25, -1.25], [5, 5, 5, 5], [1.5, 1.5, 1.5, 1.5]));
        (int, int, double)[] fta = [(2, 0, 1.0), (0, 2, 1.0), (3, 1, 1.3)];
        (int, int, double)[] duty = [(1, 3, 1.5)];
        (int, int, double)[][] shocks = [fta, duty, fta, duty, fta, fta];

        // When
        var together = model.WelfareOfEach(shocks.Select((c, k) => (k % 4, (IReadOnlyList<(int, int, double)>)c)).ToArray());

        // Then: exactly equal, not just close — the bloc's choices must not depend on how the what-ifs were grouped
        for (var k = 0; k < shocks.Length; k++) Assert.Equal(model.WelfareOf(k % 4, shocks[k]), together[k]);
    }

    [Fact]
    public void WelfareOf_PairListedTwice_Refused()
    {
        // Given
        double[,] flows = { { 0, 50 }, { 500, 0 } };
        double[,] powers = { { 1.0, 1.2 }, { 1.3, 1.0 } };
        var model = LinearGsim.Factorise(new GsimData(flows, powers, [-1.25, -1.25], [5, 5], [1.5, 1.5]));

        // When / Then
        var e = Assert.Throws<ArgumentException>(() => model.WelfareOf(0, [(1, 0, 1.1), (1, 0, 1.2)]));
        Assert.Contains("(1,0) is listed twice", e.Message);
    }
}
