using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Market;

/// <summary>
/// Clears the three stages of one mineral together by block Gauss–Seidel (MODEL.md §2.3): top-down so derived
/// demand flows from products to ore, then input costs flow back up from the new stage price indices.
/// Minerals are independent of each other, so each can be solved on its own (and on its own grain).
/// </summary>
public static class MineralSolver
{
    public const int MaxSweeps = 100;
    public const double SweepTolerance = 1e-10;
    public const int StallWindow = 30;

    /// <param name="bases">The mineral's three market bases, ore..product.</param>
    /// <param name="conditions">This round's conditions, ore..product; Derived, InputCost and StartPrices are overwritten.</param>
    public static MineralOutcome Solve(IReadOnlyList<MarketBase> bases, IReadOnlyList<MarketConditions> conditions)
    {
        var outcomes = new MarketOutcome[Stages.Count];
        var sweeps = 0;
        var damping = 1.0;
        var history = new List<double>();
        var lastChange = double.PositiveInfinity;
        var iterations = 0;
        for (; sweeps < MaxSweeps; sweeps++)
        {
            var change = 0.0;
            for (var s = Stages.Count - 1; s >= 0; s--)
            {
                var c = conditions[s];
                if (s < Stages.Count - 1)
                {
                    var upstream = outcomes[s + 1].Output;
                    var a = bases[s].InputCoefficientForNext;
                    c.Derived = upstream.Select(y => a * y).ToArray();
                    var next = bases[s + 1];
                    c.Downstream = new DownstreamSupply(a, outcomes[s + 1].Prices, conditions[s + 1].UncappedBase,
                        conditions[s + 1].Capacity, next.BaseValueAdded, next.Parameters.SupplyElasticity, next.BaseInputCost);
                }
                var before = c.StartPrices;
                var outcome = MarketSolver.Solve(bases[s], c);
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
                c.StartQuotaRent = outcome.QuotaRent;
                outcomes[s] = outcome;
            }
            // Input costs follow the new upstream indices; when the sweeps start to bounce (a ban that shuts
            // downstream plants, say), move them only halfway, in logs, so the block iteration settles.
            damping = change > lastChange ? Math.Max(0.25, damping * 0.5) : Math.Min(1.0, damping * 1.5);
            lastChange = change;
            for (var s = 1; s < Stages.Count; s++)
            {
                var index = outcomes[s - 1].PriceIndex;
                var unit = bases[s].BaseInputCost;
                var old = conditions[s].InputCost;
                conditions[s].InputCost = index.Select((p, i) => old[i] > 0 && damping < 1
                    ? Math.Exp(damping * Math.Log(unit * p) + (1 - damping) * Math.Log(old[i]))
                    : unit * p).ToArray();
            }
            if (change < SweepTolerance) break;
            // Slow but steady convergence goes on; a cycle (no halving of the change in 30 sweeps) stops here.
            history.Add(change);
            if (sweeps >= StallWindow && change > 0.5 * history[sweeps - StallWindow]) break;
        }
        return new MineralOutcome(outcomes, sweeps + 1, iterations);
    }
}

/// <summary>The three cleared stages of one mineral, with the solver's effort.</summary>
public sealed record MineralOutcome(IReadOnlyList<MarketOutcome> Stages, int Sweeps, int Iterations);
