namespace NegotiationSim.Core.Negotiation;

/// <summary>The trade-off tactic (Faratin, Sierra &amp; Jennings 2002): among outcomes I value at least at my aspiration, the one best for the opponent.</summary>
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
            var u = view.OpponentUtility(o);
            if (u > bestOpponent) { best = o; bestOpponent = u; }
        }
        // Nothing reaches the aspiration: hold out with my best outcome.
        return best >= 0 ? best : view.ByOwnUtility[0];
    }
}
