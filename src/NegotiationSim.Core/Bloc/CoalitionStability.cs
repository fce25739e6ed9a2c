namespace NegotiationSim.Core.Bloc;

/// <summary>A country and its margin U_j(F ∪ {j}) − U_j(F \ {j}).</summary>
public readonly record struct CountryMargin(int Country, double Margin);

/// <summary>Cartel-stability verdict for one membership vector (MODEL.md §4.3).</summary>
public sealed record StabilityAssessment(
    bool InternallyStable,
    bool ExternallyStable,
    IReadOnlyList<CountryMargin> WouldLeave,
    IReadOnlyList<CountryMargin> WouldJoin)
{
    /// <summary>Both conditions: the membership is a Nash equilibrium of the membership game.</summary>
    public bool Stable => InternallyStable && ExternallyStable;
}

/// <summary>
/// d'Aspremont, Jacquemin, Gabszewicz &amp; Weymark (1983) internal and external stability, as used for
/// environmental agreements by Barrett (1994) and Carraro &amp; Siniscalco (1993). Ties keep members in and bring
/// eligible outsiders in, matching the decision rule of §4.2 with zero hysteresis.
/// </summary>
public static class CoalitionStability
{
    /// <param name="members">Current membership F.</param>
    /// <param name="eligible">Who the bloc rules admit; ineligible outsiders can never destabilise F.</param>
    /// <param name="inMinusOut">For country j: U_j(F ∪ {j}) − U_j(F \ {j}) at the current membership.</param>
    public static StabilityAssessment Assess(IReadOnlyList<bool> members, IReadOnlyList<bool> eligible, Func<int, double> inMinusOut)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(inMinusOut);
        if (members.Count != eligible.Count)
            throw new ArgumentException("Membership and eligibility vectors must have the same length.", nameof(eligible));

        var leave = new List<CountryMargin>();
        var join = new List<CountryMargin>();
        for (int j = 0; j < members.Count; j++)
        {
            // An ineligible outsider's margin is irrelevant, so it is not even evaluated (it may be costly).
            if (!members[j] && !eligible[j]) continue;
            var margin = inMinusOut(j);
            // A NaN would silently count as "stays out / stays in"; surface it instead.
            if (double.IsNaN(margin)) throw new InvalidOperationException($"The in-minus-out margin of country {j} is NaN.");
            if (members[j] && margin < 0) leave.Add(new CountryMargin(j, margin));
            else if (!members[j] && margin >= 0) join.Add(new CountryMargin(j, margin));
        }
        return new StabilityAssessment(leave.Count == 0, join.Count == 0, leave, join);
    }

    /// <summary>
    /// All coalition sizes k in 1..n that are stable in a symmetric game, where <paramref name="memberPayoff"/>(k) is
    /// a member's payoff in a coalition of size k and <paramref name="outsiderPayoff"/>(k) an outsider's payoff
    /// when the coalition has size k. A coalition of one is trivially internally stable (leaving it changes
    /// nothing), so outsiderPayoff(0) is never called. Goes through <see cref="Assess"/> on the membership
    /// vector "the first k countries are in" so both paths share one set of tie rules.
    /// </summary>
    public static IReadOnlyList<int> StableSizes(int n, Func<int, double> memberPayoff, Func<int, double> outsiderPayoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentNullException.ThrowIfNull(memberPayoff);
        ArgumentNullException.ThrowIfNull(outsiderPayoff);

        var eligible = Enumerable.Repeat(true, n).ToArray();
        var stable = new List<int>();
        for (int k = 1; k <= n; k++)
        {
            var members = Enumerable.Range(0, n).Select(j => j < k).ToArray();
            // Symmetry: every member has the same margin and so does every outsider; compute each once.
            var memberMargin = k == 1 ? 0 : memberPayoff(k) - outsiderPayoff(k - 1);
            var outsiderMargin = k == n ? 0 : memberPayoff(k + 1) - outsiderPayoff(k);
            if (Assess(members, eligible, j => members[j] ? memberMargin : outsiderMargin).Stable) stable.Add(k);
        }
        return stable;
    }
}
