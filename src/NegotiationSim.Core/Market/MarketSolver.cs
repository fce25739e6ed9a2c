using System.Runtime.CompilerServices;

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
    public const int DiagonalIterations = 30;
    public const int SlowIterations = 60;
    public const double AcceptableResidual = 1e-8;

    /// <param name="tolerance">Residual to stop at; the stage sweeps pass a looser one while the stages still disagree.</param>
    /// <param name="discarded">An earlier outcome of this market that nothing reads any more: its N×N arrays are reused.</param>
    // The solver's loops (here, in SolverWorkspace, LinearGsim, LuDecomposition, AndersonMixer) are compiled fully
    // optimised at once: under tiered compilation a process that has cleared few markets (a war-game host building its
    // debrief, dozens of re-runs at once) ran them unoptimised and instrumented for most of the work, about twice the CPU.
    // Full optimisation keeps IEEE semantics (no fused or reordered arithmetic), so the bits are the same.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MarketOutcome Solve(MarketBase b, MarketConditions c, double tolerance = Tolerance, MarketOutcome? discarded = null)
    {
        var w = new SolverWorkspace(b, c, discarded);
        var iterations = 0;
        var residual = 0.0;
        for (; iterations < MaxIterations; iterations++)
        {
            var levyChange = w.UpdateWedges();
            w.ComputeDemand();
            residual = w.ComputeExcess();
            if (residual < tolerance && levyChange < tolerance) break;
            // Near the noise floor of the quota bisection a market can creep; MODEL.md asks for 1e-8, so accept it.
            if (iterations >= SlowIterations && residual < AcceptableResidual && levyChange < AcceptableResidual) break;
            // The diagonal step is cheap and usually enough; when it stalls, take full Newton steps.
            if (iterations >= DiagonalIterations && !double.IsNaN(w.NewtonStep(residual))) continue;
            w.StepPrices();
        }
        return w.ToOutcome(iterations, residual);
    }
}
