namespace NegotiationSim.Core.Negotiation;

/// <summary>
/// Everything a bilateral session needs (MODEL.md §3.1–3.3): the outcome space, each side's utility of every outcome
/// and of no deal ($ or any common unit), patience per round, the clock (K steps a round, at most H rounds, a hard
/// deadline in steps), who opens, and whether each side knows the other's utilities (classroom mode).
/// </summary>
public sealed record SessionSetup(
    string A,
    string B,
    OutcomeSpace Space,
    double[] UtilityA,
    double[] UtilityB,
    double ReservationA,
    double ReservationB,
    double DiscountA,
    double DiscountB,
    int StepsPerRound,
    int MaxRounds,
    int? HardDeadlineSteps = null,
    bool AOpens = true,
    bool CompleteInformation = false)
{
    /// <summary>Offers a session may hold: K·H, or fewer when a hard deadline (e.g. a Section 232 effective date) comes first.</summary>
    public int Deadline => Math.Max(1, Math.Min(StepsPerRound * MaxRounds, HardDeadlineSteps ?? int.MaxValue));

    /// <summary>Outcome evaluations a strategy may make per decision before it is stopped: deterministic, unlike a clock.</summary>
    public long EvaluationBudget => Math.Max(1_000_000L, 40L * Space.Count);
}
