using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NegotiationSim.Core.Market;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Tests;

/// <summary>
/// Property tests of the levels market solver (MODEL.md §2.2–2.4, §8 V10.5–6) on small random one-mineral worlds
/// built in code: calibrate, clear the three stages with <see cref="MineralSolver"/>, check the invariants.
/// </summary>
public sealed partial class MarketPropertyTests
{
    private const int Cases = 60;

    // ---------------------------------------------------------------------------------------------------------------
    // 1. Tonnes are conserved in every market.

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Flows_RandomShock_RowsSumToOutput(WorldCase c)
    {
        var (_, outcomes) = Solve(c, shocked: true);
        for (var s = 0; s < Stages.Count; s++)
        {
            var o = outcomes[s];
            var n = c.N;
            for (var i = 0; i < n; i++)
            {
                var sales = 0.0;
                for (var j = 0; j < n; j++) sales += o.Flows[i * n + j];
                AssertRelative(o.Output[i], sales, 1e-8, $"stage {s} origin {i}: Σ_j x_ij vs Y_i");
            }
        }
    }

    // Known failure (as of commit d10e58e): MarketOutcome.Use is the CES composite Q_j of MODEL.md §2.2, and
    // x_ij = x0_ij·(rel_ij/P_j)^−σ·Q_j/Q0_j sums over i to Q_j·Σ_i (x0_ij/Q0_j)(rel_ij/P_j)^−σ, which is Q_j only when
    // every origin's relative delivered price is the same. Tonnes bought then differ from the tonnes the derived and
    // final demand ask for (1e-3..1e-1 here), so Output + Imports − Exports ≠ Use in the reports.
    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases, Skip = "Not an invariant of Armington-CES: Use is the composite quantity index, not a sum of tonnes (MODEL.md §2.2); reports now show tonnes received")]
    public void Flows_RandomShock_ColumnsSumToSpotUse(WorldCase c)
    {
        var (_, outcomes) = Solve(c, shocked: true);
        for (var s = 0; s < Stages.Count; s++)
        {
            var o = outcomes[s];
            var n = c.N;
            for (var j = 0; j < n; j++)
            {
                var purchases = 0.0;
                for (var i = 0; i < n; i++) purchases += o.Flows[i * n + j];
                AssertRelative(o.Use[j], purchases, 1e-8, $"stage {s} destination {j}: Σ_i x_ij vs Use_j");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. Solver residual.

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Residual_RandomTariffsAndExportTax_BelowOneInHundredMillion(WorldCase c)
    {
        var (_, outcomes) = Solve(c, shocked: true);
        for (var s = 0; s < Stages.Count; s++)
        {
            Assert.True(outcomes[s].Residual < 1e-8, $"stage {s}: residual {outcomes[s].Residual:R} after {outcomes[s].Iterations} iterations");
            Assert.All(outcomes[s].Prices, p => Assert.True(double.IsFinite(p) && p > 0, $"stage {s}: price {p}"));
        }
    }

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Residual_NeutralConditions_BaseYearIsTheSolution(WorldCase c)
    {
        var (bases, outcomes) = Solve(c, shocked: false);
        for (var s = 0; s < Stages.Count; s++)
        {
            Assert.True(outcomes[s].Residual < 1e-8, $"stage {s}: residual {outcomes[s].Residual:R}");
            foreach (var p in outcomes[s].Prices) AssertRelative(bases[s].BasePrice, p, 1e-8, $"stage {s}: price at base");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. Order invariance.

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Prices_CountriesPermuted_SamePricePerCountry(PermutationCase pc)
    {
        var c = pc.World;
        var order = pc.Order();
        var (_, original) = Solve(c, shocked: true);
        var (_, permuted) = Solve(c.Permute(order), shocked: true);
        for (var s = 0; s < Stages.Count; s++)
        {
            for (var q = 0; q < c.N; q++)
            {
                AssertRelative(original[s].Prices[order[q]], permuted[s].Prices[q], 1e-6,
                    $"stage {s}: country {order[q]} (at position {q} after permuting)");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. Homogeneity of degree one in prices.

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Prices_BasePricesScaledByK_ScaleByKWithFlowsUnchanged(ScaleCase sc)
    {
        var c = sc.World;
        var k = sc.K;
        var (_, original) = Solve(c, shocked: true);
        var (_, scaled) = Solve(c.ScalePrices(k), shocked: true);
        var n = c.N;
        for (var s = 0; s < Stages.Count; s++)
        {
            for (var i = 0; i < n; i++) AssertRelative(k * original[s].Prices[i], scaled[s].Prices[i], 1e-6, $"stage {s}: price {i}");
            var total = original[s].Flows.Sum();
            for (var ij = 0; ij < n * n; ij++)
            {
                var a = original[s].Flows[ij];
                var b = scaled[s].Flows[ij];
                Assert.True(Math.Abs(a - b) <= 1e-6 * Math.Max(Math.Abs(a), 1e-9 * total),
                    $"stage {s}: flow {ij / n}->{ij % n} {a:R} vs {b:R} (k = {k})");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. The FORGE floor levy (contemporaneous).

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void FloorLevy_FloorAboveMarketPrice_OutsiderGoodsLandExactlyOnFloor(FloorCase fc)
    {
        var c = fc.World;
        var (stage, members) = fc.Setup();
        var bases = Calibration.BuildMineral(c.ToWorld(), 0);
        var b = bases[stage];
        // Above every pair's free-market landed price at base: 1.3 × base price × the largest base wedge.
        var floor = 1.3 * b.BasePrice * b.BaseWedge.Max();
        var outcome = SolveWithFloor(bases, stage, floor, members)[stage];
        var n = c.N;
        var bound = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var ij = i * n + j;
                if (i == j || members[i] || !members[j])
                {
                    Assert.Equal(0.0, outcome.Levy[ij]);
                    continue;
                }
                if (outcome.Flows[ij] <= 0) continue;
                var landed = Landed(b, Conditions(b), outcome, i, j);
                Assert.True(outcome.Levy[ij] > 0, $"pair {i}->{j}: levy {outcome.Levy[ij]:R}, price {outcome.Prices[i]:R}, floor {floor:R}");
                AssertRelative(floor, landed, 1e-9, $"pair {i}->{j}: landed price vs floor");
                AssertRelative(landed, outcome.Delivered[ij], 1e-12, $"pair {i}->{j}: Delivered vs recomputed landed price");
                bound++;
            }
        }
        Assert.True(bound > 0, "no outsider→member pair with positive flow");
        Assert.True(outcome.Residual < 1e-8, $"residual {outcome.Residual:R}");
    }

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void FloorLevy_FloorBelowMarketPrice_EveryLevyZero(FloorCase fc)
    {
        var c = fc.World;
        var (stage, members) = fc.Setup();
        var bases = Calibration.BuildMineral(c.ToWorld(), 0);
        var floor = 0.5 * bases[stage].BasePrice;
        var outcomes = SolveWithFloor(bases, stage, floor, members);
        for (var s = 0; s < Stages.Count; s++) Assert.All(outcomes[s].Levy, l => Assert.Equal(0.0, l));
        foreach (var p in outcomes[stage].Prices) AssertRelative(bases[stage].BasePrice, p, 1e-8, "price with a slack floor");
    }

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = 300)]
    public void LeviesRequired_AnyFobAndDuties_LandsOnMaxOfFloorAndDutyPaidPrice(LevyCase lc)
    {
        var levy = Levies.Required(lc.Floor, lc.Fob, lc.Duties);
        var dutyPaid = lc.Fob * (1 + lc.Duties);
        Assert.True(levy >= 0, $"levy {levy:R}");
        AssertRelative(Math.Max(lc.Floor, dutyPaid), lc.Fob * (1 + lc.Duties + levy), 1e-12, "landed price");
        if (lc.Floor <= dutyPaid) Assert.Equal(0.0, levy);
        Assert.Equal(0.0, Levies.Required(double.NaN, lc.Fob, lc.Duties));
        Assert.Equal(0.0, Levies.Required(lc.Floor, 0, lc.Duties));
        Assert.Equal(0.0, Levies.Required(lc.Floor, -lc.Fob, lc.Duties));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 6. Export quotas.

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Quota_ThirtyPercentOfBaseFlow_RespectedWithPositiveRent(QuotaCase qc)
    {
        var c = qc.World;
        var (stage, i, j) = qc.Setup();
        var n = c.N;
        var ij = i * n + j;
        var quota = 0.3 * Calibration.BuildMineral(c.ToWorld(), 0)[stage].Flows[ij];
        var outcome = SolveWithQuota(c, stage, i, j).Stages[stage];
        var x = outcome.Flows[ij];
        Assert.True(x <= quota * (1 + 1e-6), $"pair {i}->{j}: flow {x:R} > quota {quota:R}");
        // Unconstrained, the flow is the base flow (> quota), so the quota binds and must carry a rent.
        Assert.True(outcome.QuotaRent[ij] > 0, $"pair {i}->{j}: rent {outcome.QuotaRent[ij]:R}, flow {x:R}, quota {quota:R}");
        for (var k = 0; k < n * n; k++) if (k != ij) Assert.Equal(0.0, outcome.QuotaRent[k]);
    }

    // Extra: complementarity. A positive rent means the quota binds, so the flow must fill it (MODEL.md §5.1).
    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Quota_PositiveRent_FlowFillsQuota(QuotaCase qc)
    {
        var c = qc.World;
        var (stage, i, j) = qc.Setup();
        var ij = i * c.N + j;
        var quota = 0.3 * Calibration.BuildMineral(c.ToWorld(), 0)[stage].Flows[ij];
        var outcome = SolveWithQuota(c, stage, i, j).Stages[stage];
        if (outcome.QuotaRent[ij] <= 0) return;
        AssertRelative(quota, outcome.Flows[ij], 1e-6, $"pair {i}->{j} with rent {outcome.QuotaRent[ij]:R}: flow vs quota");
    }

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Residual_QuotaOnOnePair_BelowOneInHundredMillion(QuotaCase qc)
    {
        var (stage, i, j) = qc.Setup();
        var mineral = SolveWithQuota(qc.World, stage, i, j);
        for (var s = 0; s < Stages.Count; s++)
        {
            var o = mineral.Stages[s];
            Assert.True(o.Residual < 1e-8, $"stage {s}: residual {o.Residual:R} after {o.Iterations} iterations (quota on stage {stage})");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Extra: the three stages form one equilibrium. Each market's residual is measured with the input costs it was
    // solved with; here those input costs must also match the final upstream price index (the block Gauss–Seidel
    // sweeps of MineralSolver converged), c_in,i = BaseInputCost · P_i^(s−1).

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void StageChain_RandomTariffsAndExportTax_InputCostsMatchUpstreamIndex(WorldCase c)
    {
        var bases = Calibration.BuildMineral(c.ToWorld(), 0);
        var conditions = bases.Select((b, s) => Conditions(b, c.StageTariff(s), c.ExportWedge())).ToArray();
        AssertStagesConsistent(bases, MineralSolver.Solve(bases, conditions));
    }

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void StageChain_QuotaOnOnePair_InputCostsMatchUpstreamIndex(QuotaCase qc)
    {
        var (stage, i, j) = qc.Setup();
        var bases = Calibration.BuildMineral(qc.World.ToWorld(), 0);
        AssertStagesConsistent(bases, SolveWithQuota(qc.World, stage, i, j));
    }

    // Found in a 2000-case run: a refiner on its shutdown band couples the stages so tightly that plain sweeps
    // crawl, and an acceleration reset at every non-improving sweep ran into the sweep cap (301) short of 1e-8.
    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = 1, Replay = "(15726805678780548338,12194594913386829569,27)")]
    public void StageChain_QuotaOnCoupledChain_Converges(QuotaCase qc) => StageChain_QuotaOnOnePair_InputCostsMatchUpstreamIndex(qc);

    private static void AssertStagesConsistent(MarketBase[] bases, MineralOutcome mineral)
    {
        for (var s = 1; s < Stages.Count; s++)
        {
            var o = mineral.Stages[s];
            for (var i = 0; i < bases[s].N; i++)
            {
                if (bases[s].Capacity[i] <= 0 || bases[s].UncappedProduction[i] <= 0) continue;
                var used = o.Prices[i] - o.ValueAdded[i];
                var target = bases[s].BaseInputCost * mineral.Stages[s - 1].PriceIndex[i];
                AssertRelative(target, used, 1e-8, $"stage {s} country {i}: input cost solved with vs upstream index (after {mineral.Sweeps} sweeps)");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A shrunk counterexample of the two properties above, pinned: one ore producer (country 1) and a quota on its
    // ore to country 0, whose refiner (η = 0.05) is then squeezed to its shutdown point.

    private static readonly StageParameters Plain = new(100, 0.5, 4, -0.2, 0.2, 0.5, 0.05);

    private static readonly WorldCase ShuttingRefiner = new(2,
        Production: [0, 902, 921, 625, 945, 623],
        CapacityMultiple: [2, 2, 2, 2, 2, 2],
        Consumption: [0.88, 0.98, 0.77, 0.63, 0.78, 0.46],
        Stages: [Plain, new StageParameters(2385, 0.54, 3.65, -0.33, 0.05, 0.17, 0.01), Plain with { OtherUseShare = 1 }],
        BaseMfn: [0, 0], Tariff: new double[12], TaxedExporter: 1, ExportTax: 0);

    [Fact]
    public void Quota_OnlyOreSourceOfShuttingRefiner_FlowFillsQuota()
    {
        var quota = 0.3 * Calibration.BuildMineral(ShuttingRefiner.ToWorld(), 0)[0].Flows[1 * 2 + 0];
        var ore = SolveWithQuota(ShuttingRefiner, 0, 1, 0).Stages[0];
        Assert.True(ore.QuotaRent[2] > 0, $"rent {ore.QuotaRent[2]:R}");
        Assert.True(ore.Flows[2] <= quota * (1 + 1e-6), $"flow {ore.Flows[2]:R} > quota {quota:R}");
        AssertRelative(quota, ore.Flows[2], 1e-6, $"ore 1->0 with rent {ore.QuotaRent[2]:R}: flow vs quota");
    }

    [Fact]
    public void StageChain_OnlyOreSourceOfShuttingRefiner_InputCostsMatchUpstreamIndex()
    {
        var bases = Calibration.BuildMineral(ShuttingRefiner.ToWorld(), 0);
        AssertStagesConsistent(bases, SolveWithQuota(ShuttingRefiner, 0, 1, 0));
    }

    private static MineralOutcome SolveWithQuota(WorldCase c, int stage, int i, int j)
    {
        var bases = Calibration.BuildMineral(c.ToWorld(), 0);
        var conditions = bases.Select(b => Conditions(b)).ToArray();
        conditions[stage].Quota[i * c.N + j] = 0.3 * bases[stage].Flows[i * c.N + j];
        return MineralSolver.Solve(bases, conditions);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers.

    /// <summary>Neutral conditions as the engine builds them with no policy: base capacity, base tariffs, no wedges.</summary>
    internal static MarketConditions Conditions(MarketBase b, double[]? tariff = null, double[]? exportWedge = null,
        double floor = double.NaN, bool[]? members = null, double[]? contracted = null)
    {
        var n = b.N;
        var baseTariff = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) baseTariff[i * n + j] = b.BaseWedge[i * n + j] / (i == j ? 1 : 1 + b.Parameters.Transport) - 1;
        }
        return new MarketConditions
        {
            Capacity = (double[])b.Capacity.Clone(),
            UncappedBase = (double[])b.UncappedProduction.Clone(),
            InputCost = Enumerable.Repeat(b.BaseInputCost, n).ToArray(),
            Derived = new double[n],
            Growth = 1,
            SpotAdjust = new double[n],
            Tariff = tariff ?? baseTariff,
            Section232 = new double[n * n],
            Levy = new double[n * n],
            ExportWedge = exportWedge ?? new double[n * n],
            Quota = Enumerable.Repeat(double.NaN, n * n).ToArray(),
            Floor = floor,
            FloorMode = FloorMode.BorderOnly,
            LevyTiming = LevyTiming.Contemporaneous,
            Members = double.IsNaN(floor) ? null : members,
            Contracted = contracted,
        };
    }

    private static (MarketBase[] Bases, IReadOnlyList<MarketOutcome> Outcomes) Solve(WorldCase c, bool shocked)
    {
        var bases = Calibration.BuildMineral(c.ToWorld(), 0);
        var conditions = bases.Select((b, s) => shocked ? Conditions(b, c.StageTariff(s), c.ExportWedge()) : Conditions(b)).ToArray();
        return (bases, MineralSolver.Solve(bases, conditions).Stages);
    }

    private static IReadOnlyList<MarketOutcome> SolveWithFloor(MarketBase[] bases, int stage, double floor, bool[] members)
    {
        var conditions = bases.Select((b, s) => s == stage ? Conditions(b, floor: floor, members: members) : Conditions(b)).ToArray();
        return MineralSolver.Solve(bases, conditions).Stages;
    }

    /// <summary>p_i·(1+τ_ij)·(1+e_ij+μ_ij)·(1+t_ij+t232_ij+ℓ_ij), from the outcome and the conditions' wedges.</summary>
    private static double Landed(MarketBase b, MarketConditions c, MarketOutcome o, int i, int j)
    {
        var ij = i * b.N + j;
        var tau = i == j ? 0 : b.Parameters.Transport;
        return o.Prices[i] * (1 + tau) * (1 + c.ExportWedge[ij] + o.QuotaRent[ij]) * (1 + c.Tariff[ij] + c.Section232[ij] + o.Levy[ij]);
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale,
            $"{what}: expected {expected:R}, actual {actual:R}, relative error {(scale > 0 ? Math.Abs(expected - actual) / scale : 0):E3}");
    }
}

/// <summary>
/// A random one-mineral world plus a shock (counterfactual tariffs and an export tax). Arrays are country-major
/// ([country × 3 + stage]); tariffs are stage-major ([stage × N² + origin × N + destination]).
/// </summary>
public sealed record WorldCase(
    int N,
    double[] Production,
    double[] CapacityMultiple,
    double[] Consumption,
    StageParameters[] Stages,
    double[] BaseMfn,
    double[] Tariff,
    int TaxedExporter,
    double ExportTax)
{
    private const int S = 3;

    public WorldDefinition ToWorld()
    {
        var countries = Enumerable.Range(0, N)
            .Select(i => new CountryDefinition($"C{i}", $"Country {i}", CountryRole.Country, Stance.Neutral, 1.0)).ToArray();
        var mineral = new MineralDefinition("M", "Mineral", Stages, 0.0);
        var production = Enumerable.Range(0, N).Select(i => Enumerable.Range(0, S).Select(s => Production[i * S + s]).ToArray()).ToArray();
        var capacity = Enumerable.Range(0, N)
            .Select(i => Enumerable.Range(0, S).Select(s => Production[i * S + s] * CapacityMultiple[i * S + s]).ToArray()).ToArray();
        var consumption = Enumerable.Range(0, N).Select(i => new double[S]).ToArray();
        for (var s = 0; s < S; s++)
        {
            var sum = Enumerable.Range(0, N).Sum(i => Consumption[i * S + s]);
            for (var i = 0; i < N; i++) consumption[i][s] = Consumption[i * S + s] / sum;
        }
        var reserves = Enumerable.Range(0, N).Select(_ => new[] { 1000.0 }).ToArray();
        var tariffs = Enumerable.Range(0, N).Where(j => BaseMfn[j] > 0)
            .Select(j => new TariffRule(j, null, null, null, BaseMfn[j])).ToArray();
        return new WorldDefinition(countries, [mineral], production, capacity, consumption, reserves, tariffs);
    }

    /// <summary>The shocked tariff t_ij of one stage (replacing the base tariff; 0 on the diagonal).</summary>
    public double[] StageTariff(int s)
    {
        var t = new double[N * N];
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++) t[i * N + j] = i == j ? 0 : Tariff[s * N * N + i * N + j];
        }
        return t;
    }

    public double[] ExportWedge()
    {
        var e = new double[N * N];
        for (var j = 0; j < N; j++) if (j != TaxedExporter) e[TaxedExporter * N + j] = ExportTax;
        return e;
    }

    public bool Produces(int country, int stage) => Production[country * S + stage] > 0;

    /// <summary>The same world with the countries reordered: new position q holds old country order[q].</summary>
    public WorldCase Permute(int[] order)
    {
        double[] ByCountry(double[] a) => order.SelectMany(old => Enumerable.Range(0, S).Select(s => a[old * S + s])).ToArray();
        var tariff = new double[Tariff.Length];
        for (var s = 0; s < S; s++)
        {
            for (var a = 0; a < N; a++)
            {
                for (var b = 0; b < N; b++) tariff[s * N * N + a * N + b] = Tariff[s * N * N + order[a] * N + order[b]];
            }
        }
        return this with
        {
            Production = ByCountry(Production),
            CapacityMultiple = ByCountry(CapacityMultiple),
            Consumption = ByCountry(Consumption),
            BaseMfn = order.Select(old => BaseMfn[old]).ToArray(),
            Tariff = tariff,
            TaxedExporter = Array.IndexOf(order, TaxedExporter),
        };
    }

    public WorldCase ScalePrices(double k) =>
        this with { Stages = Stages.Select(p => p with { BasePrice = k * p.BasePrice }).ToArray() };

    /// <summary>The same world without country k (every stage keeps a producer).</summary>
    public WorldCase Without(int k)
    {
        var keep = Enumerable.Range(0, N).Where(i => i != k).ToArray();
        double[] ByCountry(double[] a) => keep.SelectMany(old => Enumerable.Range(0, S).Select(s => a[old * S + s])).ToArray();
        var m = N - 1;
        var tariff = new double[S * m * m];
        for (var s = 0; s < S; s++)
        {
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++) tariff[s * m * m + a * m + b] = Tariff[s * N * N + keep[a] * N + keep[b]];
            }
        }
        return Normalised(this with
        {
            N = m,
            Production = ByCountry(Production),
            CapacityMultiple = ByCountry(CapacityMultiple),
            Consumption = ByCountry(Consumption),
            BaseMfn = keep.Select(i => BaseMfn[i]).ToArray(),
            Tariff = tariff,
            TaxedExporter = TaxedExporter == k ? 0 : TaxedExporter > k ? TaxedExporter - 1 : TaxedExporter,
            ExportTax = TaxedExporter == k ? 0 : ExportTax,
        });
    }

    /// <summary>Every stage needs a producer: give stage s to country s mod N when it has none.</summary>
    public static WorldCase Normalised(WorldCase c)
    {
        var production = (double[])c.Production.Clone();
        for (var s = 0; s < S; s++)
        {
            if (Enumerable.Range(0, c.N).All(i => production[i * S + s] <= 0)) production[s % c.N * S + s] = 100;
        }
        return c with { Production = production };
    }

    private static string List(IEnumerable<double> xs) => "[" + string.Join(", ", xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";

    public override string ToString()
    {
        var lines = new List<string> { $"N = {N}" };
        for (var s = 0; s < S; s++)
        {
            lines.Add($"  stage {s}: {Stages[s]}");
            lines.Add($"    production {List(Enumerable.Range(0, N).Select(i => Production[i * S + s]))}" +
                      $" capacity× {List(Enumerable.Range(0, N).Select(i => CapacityMultiple[i * S + s]))}" +
                      $" consumption {List(Enumerable.Range(0, N).Select(i => Consumption[i * S + s]))}");
            lines.Add($"    shock tariff (row origin) {List(Tariff.Skip(s * N * N).Take(N * N))}");
        }
        lines.Add($"  base MFN by importer {List(BaseMfn)}; export tax {ExportTax} on exporter {TaxedExporter}");
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>A world and a reordering key: the countries are sorted by Keys[0..N).</summary>
public sealed record PermutationCase(WorldCase World, double[] Keys)
{
    public int[] Order() => Enumerable.Range(0, World.N).OrderBy(i => Keys[i]).ThenBy(i => i).ToArray();

    public override string ToString() => $"{World}{Environment.NewLine}  order [{string.Join(", ", Order())}]";
}

public sealed record ScaleCase(WorldCase World, double K)
{
    public override string ToString() => $"{World}{Environment.NewLine}  k = {K}";
}

/// <summary>A world, the floor's stage and a membership bit mask, fixed up so that there is a member and an outsider producer.</summary>
public sealed record FloorCase(WorldCase World, int Stage, int MemberMask, int OutsiderPick)
{
    public (int Stage, bool[] Members) Setup()
    {
        var n = World.N;
        var members = Enumerable.Range(0, n).Select(i => (MemberMask >> i & 1) == 1).ToArray();
        var producers = Enumerable.Range(0, n).Where(i => World.Produces(i, Stage)).ToArray();
        if (!producers.Any(i => !members[i])) members[producers[OutsiderPick % producers.Length]] = false;
        var outsider = producers.First(i => !members[i]);
        if (!members.Any(m => m)) members[(outsider + 1) % n] = true;
        return (Stage, members);
    }

    public override string ToString() =>
        $"{World}{Environment.NewLine}  floor on stage {Stage}, members [{string.Join(", ", Setup().Members.Select(m => m ? 1 : 0))}]";
}

/// <summary>A world and a restricted pair (origin a producer of the stage, destination another country).</summary>
public sealed record QuotaCase(WorldCase World, int Stage, int OriginPick, int DestinationPick)
{
    public (int Stage, int Origin, int Destination) Setup()
    {
        var producers = Enumerable.Range(0, World.N).Where(i => World.Produces(i, Stage)).ToArray();
        var i = producers[OriginPick % producers.Length];
        var others = Enumerable.Range(0, World.N).Where(j => j != i).ToArray();
        return (Stage, i, others[DestinationPick % others.Length]);
    }

    public override string ToString()
    {
        var (s, i, j) = Setup();
        return $"{World}{Environment.NewLine}  quota on stage {s}, pair {i}->{j}";
    }
}

public sealed record LevyCase(double Floor, double Fob, double Duties);

/// <summary>A world with two contracts on one stage: seller a producer of the stage, buyer another country, volume a share of the seller's base output.</summary>
public sealed record ContractCase(WorldCase World, int Stage, int[] Picks, double[] Shares)
{
    public (int Seller, int Buyer, double Share)[] Setup()
    {
        var producers = Enumerable.Range(0, World.N).Where(i => World.Produces(i, Stage)).ToArray();
        return Enumerable.Range(0, 2).Select(k =>
        {
            var i = producers[Picks[2 * k] % producers.Length];
            var others = Enumerable.Range(0, World.N).Where(j => j != i).ToArray();
            return (i, others[Picks[2 * k + 1] % others.Length], Shares[k]);
        }).ToArray();
    }

    /// <summary>Qc_ij for the stage's market, t/month.</summary>
    public double[] Volumes(MarketBase b)
    {
        var q = new double[World.N * World.N];
        foreach (var (i, j, share) in Setup()) q[i * World.N + j] += share * b.Production[i];
        return q;
    }

    /// <summary>The same contracts after the countries are reordered as in <see cref="WorldCase.Permute"/>.</summary>
    public ContractCase Permute(int[] order)
    {
        var world = World.Permute(order);
        var newProducers = Enumerable.Range(0, World.N).Where(q => world.Produces(q, Stage)).ToArray();
        var picks = new int[4];
        foreach (var k in new[] { 0, 1 })
        {
            var (i, j, _) = Setup()[k];
            var ni = Array.IndexOf(order, i);
            var nj = Array.IndexOf(order, j);
            picks[2 * k] = Array.IndexOf(newProducers, ni);
            picks[2 * k + 1] = Enumerable.Range(0, World.N).Where(q => q != ni).ToList().IndexOf(nj);
        }
        return new ContractCase(world, Stage, picks, Shares);
    }

    public override string ToString() =>
        $"{World}{Environment.NewLine}  contracts on stage {Stage}: {string.Join("; ", Setup().Select(c => $"{c.Seller}->{c.Buyer} {c.Share:P0} of output"))}";
}

public static class MarketGenerators
{
    private static Gen<double> Range(int lo, int hi, double unit = 100.0) => Gen.Choose(lo, hi).Select(i => i / unit);

    private static readonly StageParameters Canonical = new(100, 0.5, 4, -0.2, 0.2, 0.5, 0.05);

    private static Gen<StageParameters> StageGen(int stage) =>
        from price in Range(50, 5000, 1)
        from va in Range(30, 80)
        from sigma in Range(200, 1200)
        from eps in Range(-50, -5)
        from eta in Range(5, 30)
        from other in Range(10, 90)
        from transport in Range(0, 10)
        select new StageParameters(price, va, sigma, eps, eta, stage == 2 ? 1.0 : other, transport);

    private static readonly Gen<WorldCase> WorldGen =
        from n in Gen.Choose(2, 6)
        from production in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (3, Range(1, 1000, 1))), n * 3)
        from capacity in Gen.ArrayOf(Range(100, 200), n * 3)
        from consumption in Gen.ArrayOf(Range(1, 100), n * 3)
        from ore in StageGen(0)
        from refined in StageGen(1)
        from product in StageGen(2)
        from mfn in Gen.ArrayOf(Gen.Frequency((1, Range(0, 30)), (1, Gen.Constant(0.0))), n)
        from tariff in Gen.ArrayOf(Range(0, 30), 3 * n * n)
        from taxed in Gen.Choose(0, n - 1)
        from tax in Range(0, 30)
        select WorldCase.Normalised(new WorldCase(n, production, capacity, consumption, [ore, refined, product], mfn, tariff, taxed, tax));

    private static IEnumerable<WorldCase> ShrinkWorld(WorldCase c)
    {
        if (c.N > 2)
        {
            for (var k = 0; k < c.N; k++) yield return c.Without(k);
        }
        if (c.Tariff.Any(t => t != 0)) yield return c with { Tariff = new double[c.Tariff.Length] };
        if (c.ExportTax != 0) yield return c with { ExportTax = 0 };
        if (c.BaseMfn.Any(t => t != 0)) yield return c with { BaseMfn = new double[c.N] };
        for (var s = 0; s < 3; s++)
        {
            var canonical = Canonical with { OtherUseShare = s == 2 ? 1.0 : Canonical.OtherUseShare };
            if (c.Stages[s] != canonical)
            {
                var stages = (StageParameters[])c.Stages.Clone();
                stages[s] = canonical;
                yield return c with { Stages = stages };
            }
        }
        if (c.CapacityMultiple.Any(m => m != 2.0)) yield return c with { CapacityMultiple = c.CapacityMultiple.Select(_ => 2.0).ToArray() };
    }

    public static Arbitrary<WorldCase> Worlds() => Arb.From(WorldGen, ShrinkWorld);

    public static Arbitrary<PermutationCase> Permutations() => Arb.From(
        from w in WorldGen
        from keys in Gen.ArrayOf(Gen.Choose(0, 1000).Select(i => (double)i), 6)
        select new PermutationCase(w, keys),
        pc => ShrinkWorld(pc.World).Select(w => pc with { World = w }));

    public static Arbitrary<ScaleCase> Scales() => Arb.From(
        from w in WorldGen
        from k in Gen.Elements(2.0, 10.0)
        select new ScaleCase(w, k),
        sc => ShrinkWorld(sc.World).Select(w => sc with { World = w }));

    public static Arbitrary<FloorCase> Floors() => Arb.From(
        from w in WorldGen
        from stage in Gen.Choose(0, 2)
        from mask in Gen.Choose(0, 63)
        from pick in Gen.Choose(0, 5)
        select new FloorCase(w, stage, mask, pick),
        fc => ShrinkWorld(fc.World).Select(w => fc with { World = w }));

    public static Arbitrary<QuotaCase> Quotas() => Arb.From(
        from w in WorldGen
        from stage in Gen.Choose(0, 2)
        from origin in Gen.Choose(0, 5)
        from destination in Gen.Choose(0, 4)
        select new QuotaCase(w, stage, origin, destination),
        qc => ShrinkWorld(qc.World).Select(w => qc with { World = w }));

    /// <summary>Two contracts on one stage: shares of each seller's base output from 5% to 150%, so some sellers are short.</summary>
    public static Arbitrary<ContractCase> Contracts() => Arb.From(
        from w in WorldGen
        from stage in Gen.Choose(0, 2)
        from picks in Gen.ArrayOf(Gen.Choose(0, 5), 4)
        from shares in Gen.ArrayOf(Gen.Frequency((3, Range(5, 80)), (1, Range(80, 150))), 2)
        select new ContractCase(w, stage, picks, shares),
        cc => ShrinkWorld(cc.World).Select(w => cc with { World = w }));

    public static Arbitrary<LevyCase> LevyCases() => Arb.From(
        from floor in Range(1, 1_000_000)
        from fob in Range(1, 1_000_000)
        from duties in Range(0, 100)
        select new LevyCase(floor, fob, duties));
}
