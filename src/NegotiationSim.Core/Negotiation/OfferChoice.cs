namespace NegotiationSim.Core.Negotiation;

/// <summary>
/// The trade-off tactic (Faratin, Sierra &amp; Jennings 2002): among outcomes I value at least at my aspiration, the one
/// best for the opponent; among equally good ones for it, the one nearest my aspiration. Without that tie-break a
/// frequency model, which cannot rank the levels of an issue the opponent never moved on (the price, say), leaves a
/// strategy repeating its best offer and never conceding.
/// </summary>
public static class OfferChoice
{
    public static int BestForOpponentAbove(ISessionView view, double aspiration)
    {
        var best = -1;
        var bestOpponent = double.NegativeInfinity;
        foreach (var o in view.ByOwnUtility)
        {
            // Sorted by own utility, so the first outcome below the aspiration ends the scan.
            if (view.Utility(o) < aspiration) break;
            // Sorted by own utility, best first, so ">=" keeps the later (nearer the aspiration) of equals.
            var u = view.OpponentUtility(o);
            if (u >= bestOpponent) { best = o; bestOpponent = u; }
        }
        // Nothing reaches the aspiration: hold out with my best outcome.
        return best >= 0 ? best : view.ByOwnUtility[0];
    }
}
