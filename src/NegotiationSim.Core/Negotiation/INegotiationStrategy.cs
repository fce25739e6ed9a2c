namespace NegotiationSim.Core.Negotiation;

/// <summary>
/// A concession strategy (MODEL.md §3.4). The session mediates: it asks the strategy to propose or to respond, one
/// side at a time, so strategies never call each other. A user can implement this in their own assembly (a public
/// class with a public parameterless constructor) and name the class in a scenario; one instance serves one side of
/// one session, so it may keep state between calls.
/// </summary>
public interface INegotiationStrategy
{
    /// <summary>The outcome to offer now (the opening offer, or a counter-offer after rejecting).</summary>
    int Propose(ISessionView view);

    /// <summary>What to do with the opponent's offer on the table.</summary>
    Response Respond(ISessionView view, int offer);
}

public enum Response
{
    Accept,
    /// <summary>Reject and counter: the session then asks <see cref="INegotiationStrategy.Propose"/>.</summary>
    Reject,
    /// <summary>Walk away: the session ends in disagreement and both sides get their reservation values.</summary>
    EndSession,
}

/// <summary>
/// What one side sees of a session: its own utility (normalised, MODEL.md §3.3: 0 = the reservation value, 1 = the
/// best outcome), an estimate of the opponent's, the offers so far, and the clock. Read-only.
/// </summary>
public interface ISessionView
{
    OutcomeSpace Space { get; }

    /// <summary>ũ_self(o) = (U(o) − û) / (max U − û): ≥ 0 means at least as good as no deal.</summary>
    double Utility(int outcome);

    /// <summary>The opponent's normalised utility: exact under complete information, else a frequency model of its offers.</summary>
    double OpponentUtility(int outcome);

    /// <summary>Outcomes sorted by own utility, best first (ties by outcome number): scanning them is the cheap way to search.</summary>
    IReadOnlyList<int> ByOwnUtility { get; }

    IReadOnlyList<int> MyOffers { get; }

    IReadOnlyList<int> OpponentOffers { get; }

    /// <summary>Steps taken so far in the session (0 at the opening offer).</summary>
    int Step { get; }

    /// <summary>The step at which the session ends without agreement (hard deadline).</summary>
    int Deadline { get; }

    /// <summary>t_rel = step / deadline, in [0, 1).</summary>
    double RelativeTime { get; }

    /// <summary>Own discount factor per step (δ per round to the power 1/K).</summary>
    double Discount { get; }

    double OpponentDiscount { get; }

    /// <summary>True for the side that made the opening offer.</summary>
    bool OpenedSession { get; }
}
