namespace NegotiationSim.Core.Negotiation;

/// <summary>
/// The subgame-perfect equilibrium of Rubinstein (1982) in normalised utilities: as proposer demand
/// (1 − δ_opp)/(1 − δ_self·δ_opp) of the surplus and give the opponent the rest; as responder accept any offer worth
/// at least what waiting a step to propose would be worth: 1 − the opponent's SPE share.
/// </summary>
public sealed class RubinsteinStrategy : INegotiationStrategy
{
    /// <summary>How far below the exact SPE continuation an offer may be and still be accepted (normalised utility).</summary>
    public const double Tolerance = 1e-3;

    public static double ProposerShare(double deltaSelf, double deltaOpponent) =>
        (1 - deltaOpponent) / (1 - deltaSelf * deltaOpponent);

    public int Propose(ISessionView view) =>
        OfferChoice.BestForOpponentAbove(view, ProposerShare(view.Discount, view.OpponentDiscount) - 1e-12);

    public Response Respond(ISessionView view, int offer)
    {
        // What I get if I refuse and propose next step, discounted by one step: δ_self·share_self = 1 − share_opp.
        var threshold = 1 - ProposerShare(view.OpponentDiscount, view.Discount);
        // A discrete outcome space rarely holds the exact split: accept within a tolerance of it.
        return view.Utility(offer) >= Math.Max(0, threshold - Tolerance) ? Response.Accept : Response.Reject;
    }
}
