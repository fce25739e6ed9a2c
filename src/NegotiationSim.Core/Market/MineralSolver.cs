using System.Runtime.CompilerServices;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Market;

/// <summary>
/// Clears the three stages of one mineral together by block Gauss–Seidel (MODEL.md §2.3): top-down so derived
/// demand flows from products to ore, then input costs flow back up from the new stage price indices.
/// Minerals are independent of each other, so each can be solved on its own (and on its own grain).
/// </summary>
public static class MineralSolver
{
    public const int MaxSweeps = 300;
    public const double SweepTolerance = 1e-10;
    public const int AccelerationDepth = 3;
    private const double WorseThanBest = 3;
    private const int PatienceSweeps = 8;

    /// <param name="bases">The mineral's three market bases, ore..product.</param>
    /// <param name="conditions">This round's conditions, ore..product; Downstream, InputCost and StartPrices are overwritten.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MineralOutcome Solve(IReadOnlyList<MarketBase> bases, IReadOnlyList<MarketConditions> conditions)
    {
        var outcomes = new MarketOutcome[Stages.Count];
        var sweeps = 0;
        var mixer = new AndersonMixer(AccelerationDepth);
        var extrapolated = false;
        var stageTolerance = 1e-6;
        var bestGap = double.PositiveInfinity;
        var sinceBest = 0;
        var iterations = 0;
        for (; sweeps < MaxSweeps; sweeps++)
        {
            var change = 0.0;
            for (var s = Stages.Count - 1; s >= 0; s--)
            {
                var c = conditions[s];
                if (s < Stages.Count - 1)
                {
                    var next = bases[s + 1];
                    c.Downstream = new DownstreamSupply(bases[s].InputCoefficientForNext, outcomes[s + 1].Prices, conditions[s + 1].UncappedBase,
                        conditions[s + 1].Capacity, next.BaseValueAdded, next.Parameters.SupplyElasticity, next.BaseInputCost);
                }
                var before = c.StartPrices;
                // The last sweep's outcome of this stage is replaced now (its prices live on as the warm start), so the
                // solve reuses its N×N arrays: a 200-country stage is solved hundreds of times a round, and allocating
                // them afresh each time made the large-object heap churn.
                var outcome = MarketSolver.Solve(bases[s], c, stageTolerance, outcomes[s]);
                iterations += outcome.Iterations;
                if (before is not null)
                {
                    for (var i = 0; i < outcome.Prices.Length; i++)
                        change = Math.Max(change, Math.Abs(Math.Log(outcome.Prices[i] / before[i])));
                }
                else
                {
                    change = double.PositiveInfinity;
                }
                c.StartPrices = outcome.Prices;
                outcomes[s] = outcome;
            }
            // Input costs should equal what the new upstream indices say; accelerate that fixed point.
            var n = outcomes[0].Prices.Length;
            var x = new double[2 * n];
            var gx = new double[2 * n];
            var gap = 0.0;
            for (var s = 1; s < Stages.Count; s++)
            {
                var unit = bases[s].BaseInputCost;
                for (var i = 0; i < n; i++)
                {
                    x[(s - 1) * n + i] = Math.Log(conditions[s].InputCost[i]);
                    gx[(s - 1) * n + i] = Math.Log(unit * outcomes[s - 1].PriceIndex[i]);
                    gap = Math.Max(gap, Math.Abs(gx[(s - 1) * n + i] - x[(s - 1) * n + i]));
                }
            }
            if (gap < SweepTolerance && change < 1e-8 && stageTolerance <= MarketSolver.Tolerance) break;
            var usedTolerance = stageTolerance;
            // Inexact block iteration: clear each stage only as tightly as the stages currently agree.
            stageTolerance = Math.Clamp(0.01 * gap, MarketSolver.Tolerance, 1e-6);
            // Extrapolate only from sweeps whose stages all cleared. The gap is not monotone under extrapolation, so
            // an extrapolated point is kept unless it is much worse than the best seen or the best has not improved
            // for a while; then the plain sweep from here restarts the history. (Demanding a fall at every sweep
            // reset the history every other sweep and left tightly coupled chains crawling.) A gap is only known to
            // the accuracy the stages were cleared to, hence the floor on the gap that can count as best.
            var cleared = outcomes.All(o => o.Residual < 1e-6);
            var credible = Math.Max(gap, 100 * usedTolerance);
            if (credible < bestGap)
            {
                bestGap = credible;
                sinceBest = 0;
            }
            else
            {
                sinceBest++;
            }
            double[] mixed;
            if (extrapolated && (!cleared || gap > WorseThanBest * bestGap || sinceBest >= PatienceSweeps))
            {
                mixed = mixer.Reset(gx);
                sinceBest = 0;
                extrapolated = false;
            }
            else
            {
                mixed = cleared ? mixer.Next(x, gx) : mixer.Reset(gx);
                extrapolated = !ReferenceEquals(mixed, gx);
            }
            for (var s = 1; s < Stages.Count; s++)
                conditions[s].InputCost = Enumerable.Range(0, n).Select(i => Math.Exp(mixed[(s - 1) * n + i])).ToArray();
        }
        return new MineralOutcome(outcomes, sweeps + 1, iterations);
    }
}

/// <summary>The three cleared stages of one mineral, with the solver's effort.</summary>
public sealed record MineralOutcome(IReadOnlyList<MarketOutcome> Stages, int Sweeps, int Iterations);
