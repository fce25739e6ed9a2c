using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Market;

/// <summary>
/// Clears the three stages of one mineral together by block Gauss–Seidel (MODEL.md §2.3): top-down so derived
/// demand flows from products to ore, then input costs flow back up from the new stage price indices.
/// Minerals are independent of each other, so each can be solved on its own (and on its own grain).
/// </summary>
public static class MineralSolver
{
    public const int MaxSweeps = 30;
    public const double SweepTolerance = 1e-10;

    /// <param name="bases">The mineral's three market bases, ore..product.</param>
    /// <param name="conditions">This round's conditions, ore..product; Derived, InputCost and StartPrices are overwritten.</param>
    public static MineralOutcome Solve(IReadOnlyList<MarketBase> bases, IReadOnlyList<MarketConditions> conditions)
    {
        var outcomes = new MarketOutcome[Stages.Count];
        var sweeps = 0;
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
            for (var s = 1; s < Stages.Count; s++)
            {
                var index = outcomes[s - 1].PriceIndex;
                var unit = bases[s].BaseInputCost;
                conditions[s].InputCost = index.Select(p => unit * p).ToArray();
            }
            if (change < SweepTolerance) break;
        }
        return new MineralOutcome(outcomes, sweeps + 1, iterations);
    }
}

/// <summary>The three cleared stages of one mineral, with the solver's effort.</summary>
public sealed record MineralOutcome(IReadOnlyList<MarketOutcome> Stages, int Sweeps, int Iterations);
