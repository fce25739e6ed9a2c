using NegotiationSim.Core.Negotiation;

namespace NegotiationSim.SampleStrategy;

/// <summary>
/// The README's example strategy: ask for the opponent's favourite among outcomes worth at least halfway between my
/// best and no deal; accept anything worth that much. A scenario names it `SplitTheDifference` (or the full class name).
/// </summary>
public sealed class SplitTheDifferenceStrategy : INegotiationStrategy
{
    private const double Half = 0.5;

    public int Propose(ISessionView view)
    {
        var best = view.ByOwnUtility[0];
        foreach (var o in view.ByOwnUtility)
        {
            if (view.Utility(o) < Half) break;
            if (view.OpponentUtility(o) > view.OpponentUtility(best)) best = o;
        }
        return best;
    }

    public Response Respond(ISessionView view, int offer) => view.Utility(offer) >= Half ? Response.Accept : Response.Reject;
}
