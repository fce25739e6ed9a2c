namespace NegotiationSim.Core.Negotiation;

/// <summary>
/// Nice tit-for-tat (MODEL.md §3.4; Baarslag, Hindriks &amp; Jonker 2013): concede by the opponent's last concession
/// measured in own utility, never first with a tough move, and never slower than Boulware near the deadline.
/// </summary>
public sealed class TitForTatStrategy(double gamma = 1) : INegotiationStrategy
{
    private double _aspiration = 1;
    private int _seen;

    public int Propose(ISessionView view)
    {
        Update(view);
        return OfferChoice.BestForOpponentAbove(view, _aspiration);
    }

    public Response Respond(ISessionView view, int offer)
    {
        Update(view);
        return Acceptance.NextOrTime(view, offer, OfferChoice.BestForOpponentAbove(view, _aspiration)) ? Response.Accept : Response.Reject;
    }

    private void Update(ISessionView view)
    {
        var offers = view.OpponentOffers;
        for (; _seen < offers.Count; _seen++)
        {
            if (_seen == 0) continue;
            var conceded = view.Utility(offers[_seen]) - view.Utility(offers[_seen - 1]);
            _aspiration = Math.Max(0, _aspiration - gamma * Math.Max(0, conceded));
        }
        // Time pressure: near the deadline follow a Boulware curve if that is softer.
        _aspiration = Math.Min(_aspiration, 1 - Math.Pow(view.RelativeTime, 4));
    }
}
