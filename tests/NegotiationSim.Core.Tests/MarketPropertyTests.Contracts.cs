using FsCheck.Xunit;
using NegotiationSim.Core.Market;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Tests;

/// <summary>
/// The solver's invariants in markets with contracts (MODEL.md §2.2, §3.6): contracted tonnes are served first and the
/// spot market clears the rest, so tonnes are still conserved, the residual still vanishes, the result still does not
/// depend on the order of countries, and a contract is delivered in full unless its seller's capacity cannot cover it.
/// </summary>
public sealed partial class MarketPropertyTests
{
    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Contracts_RandomShock_RowsSumToOutputAndResidualVanishes(ContractCase cc)
    {
        var (_, outcomes) = SolveWithContracts(cc);
        var n = cc.World.N;
        for (var s = 0; s < Stages.Count; s++)
        {
            var o = outcomes[s];
            Assert.True(o.Residual < 1e-8, $"stage {s}: residual {o.Residual:R} after {o.Iterations} iterations");
            for (var i = 0; i < n; i++)
            {
                Assert.True(double.IsFinite(o.Prices[i]) && o.Prices[i] > 0, $"stage {s}: price {o.Prices[i]}");
                var sales = 0.0;
                for (var j = 0; j < n; j++) sales += o.Flows[i * n + j];
                AssertRelative(o.Output[i], sales, 1e-8, $"stage {s} origin {i}: Σ_j x_ij vs Y_i");
            }
        }
    }

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Contracts_WithinCapacity_DeliveredUpToBuyersUseOtherwiseProRataWithNoSpot(ContractCase cc)
    {
        var (bases, outcomes) = SolveWithContracts(cc);
        var b = bases[cc.Stage];
        var o = outcomes[cc.Stage];
        var q = cc.Volumes(b);
        var n = cc.World.N;
        Assert.NotNull(o.Contracted);
        for (var i = 0; i < n; i++)
        {
            var promised = Enumerable.Range(0, n).Sum(j => q[i * n + j]);
            if (promised <= 0) continue;
            var short_ = promised >= Calibration.MaxUtilisation * b.Capacity[i];
            for (var j = 0; j < n; j++)
            {
                var ij = i * n + j;
                if (q[ij] <= 0) continue;
                // A buyer takes what it uses of contracts from sellers that are not short and resells the rest at spot.
                var expected = short_ ? q[ij] * o.Output[i] / promised : q[ij] * o.ContractTaken![j];
                AssertRelative(expected, o.Contracted![ij], 1e-12, $"contract {i}->{j} (short: {short_})");
                Assert.True(o.Flows[ij] >= o.Contracted[ij] * (1 - 1e-12), $"flow {i}->{j} {o.Flows[ij]:R} below its contract {o.Contracted[ij]:R}");
                // A short seller has no spot left: every tonne it ships is contracted.
                if (short_) AssertRelative(o.Contracted[ij], o.Flows[ij], 1e-12, $"short seller {i}: flow to {j} vs contract");
            }
        }
    }

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Contracts_CountriesPermuted_SamePricePerCountry(ContractCase cc)
    {
        var keys = cc.Picks.Concat(cc.Picks).Take(cc.World.N).Select((p, k) => (double)((p * 7 + k * 3) % 11)).ToArray();
        var order = Enumerable.Range(0, cc.World.N).OrderBy(i => keys[i]).ThenBy(i => -i).ToArray();
        var (_, original) = SolveWithContracts(cc);
        var (_, permuted) = SolveWithContracts(cc.Permute(order));
        for (var s = 0; s < Stages.Count; s++)
        {
            for (var q = 0; q < cc.World.N; q++)
            {
                AssertRelative(original[s].Prices[order[q]], permuted[s].Prices[q], 1e-6,
                    $"stage {s}: country {order[q]} (at position {q} after permuting)");
            }
        }
    }

    [Property(Arbitrary = [typeof(MarketGenerators)], MaxTest = Cases)]
    public void Contracts_BuyerContractedBeyondItsUse_TakesItsUseAndNoSpot(ContractCase cc)
    {
        var (bases, outcomes) = SolveWithContracts(cc);
        var o = outcomes[cc.Stage];
        var n = cc.World.N;
        for (var j = 0; j < n; j++)
        {
            if (o.ContractTaken![j] >= 1) continue;
            var received = Enumerable.Range(0, n).Sum(i => o.Contracted![i * n + j]);
            // Tonnes from a short seller are always taken, even beyond the buyer's use.
            var fromShort = Enumerable.Range(0, n).Where(i => o.ContractServed![i] < 1).Sum(i => o.Contracted![i * n + j]);
            AssertRelative(Math.Max(o.Use[j], fromShort), received, 1e-9, $"buyer {j} taking {o.ContractTaken[j]:R} of its contracts: contracted tonnes vs use");
            var spot = Enumerable.Range(0, n).Sum(i => o.Flows[i * n + j]) - received;
            Assert.True(spot <= 1e-9 * Math.Max(received, 1), $"buyer {j} buys {spot:R} t spot while reselling contracted tonnes");
        }
        _ = bases;
    }

    private static (MarketBase[] Bases, IReadOnlyList<MarketOutcome> Outcomes) SolveWithContracts(ContractCase cc)
    {
        var c = cc.World;
        var bases = Calibration.BuildMineral(c.ToWorld(), 0);
        var conditions = bases.Select((b, s) => Conditions(b, c.StageTariff(s), c.ExportWedge(),
            contracted: s == cc.Stage ? cc.Volumes(b) : null)).ToArray();
        return (bases, MineralSolver.Solve(bases, conditions).Stages);
    }
}
