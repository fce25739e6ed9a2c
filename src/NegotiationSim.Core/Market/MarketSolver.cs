namespace NegotiationSim.Core.Market;

/// <summary>
/// Clears one market (mineral × stage) in levels: Armington-CES demand, soft-capped supply, all wedges,
/// quota rents and (optionally) the bloc levy solved as complementarity conditions (MODEL.md §2.2–2.4).
/// Damped log-tâtonnement with the exact diagonal Newton step of §2.3. Pure: same inputs, same bits.
/// </summary>
public static class MarketSolver
{
    public const double Tolerance = 1e-10;
    public const int MaxIterations = 500;

    public static MarketOutcome Solve(MarketBase b, MarketConditions c)
    {
        var w = new SolverWorkspace(b, c);
        var lambda = 1.0;
        var previous = double.PositiveInfinity;
        var iterations = 0;
        var residual = 0.0;
        for (; iterations < MaxIterations; iterations++)
        {
            var rentChange = w.UpdateWedges();
            w.ComputeDemand();
            residual = w.ComputeExcess();
            if (residual < Tolerance && rentChange < Tolerance) break;
            // Damp only when the residual grows: the diagonal Newton step usually needs none.
            lambda = residual > previous ? Math.Max(0.2, lambda * 0.5) : Math.Min(1.0, lambda * 1.25);
            previous = residual;
            w.StepPrices(lambda);
        }
        return w.ToOutcome(iterations, residual);
    }
}
