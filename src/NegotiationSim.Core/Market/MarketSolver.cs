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
    public const int MaxRentRounds = 60;
    public const int DiagonalIterations = 30;
    public const double RentTolerance = 1e-9;

    public static MarketOutcome Solve(MarketBase b, MarketConditions c)
    {
        var w = new SolverWorkspace(b, c);
        var iterations = 0;
        var residual = 0.0;
        // Inner: clear prices with the quota rents held; outer: move the rents toward the quotas (MODEL.md §5.1).
        var gap = double.PositiveInfinity;
        for (var outer = 0; outer < MaxRentRounds; outer++)
        {
            // While the rents are far from their quotas, clearing prices exactly for them is wasted work.
            var tolerance = Math.Max(Tolerance, Math.Min(1e-3, 1e-3 * gap));
            for (var inner = 0; inner < MaxIterations; inner++, iterations++)
            {
                var levyChange = w.UpdateWedges();
                w.ComputeDemand();
                residual = w.ComputeExcess();
                if (residual < tolerance && levyChange < tolerance) break;
                // The diagonal step is cheap and usually enough; when it stalls, take full Newton steps.
                if (inner >= DiagonalIterations && !double.IsNaN(w.NewtonStep(residual))) continue;
                w.StepPrices();
            }
            gap = w.UpdateQuotaRents();
            if (gap < RentTolerance && tolerance <= Tolerance) break;
            if (gap < RentTolerance) gap = 0;
            w.ResetTrust();
        }
        return w.ToOutcome(iterations, residual);
    }
}
