namespace NegotiationSim.Core.Negotiation;

/// <summary>
/// Time-dependent concession (Faratin, Sierra &amp; Jennings 1998): aspiration ũ*(t) = 1 − (1 − ũ_min)·t^e, with e &gt; 1
/// Boulware (concede late), e = 1 linear, e &lt; 1 Conceder; offers by the trade-off tactic, accepts by AC_next or AC_time.
/// </summary>
public class TimeDependentStrategy(double exponent, double minimum = 0) : INegotiationStrategy
{
    public double Exponent { get; } = exponent;

    public double Aspiration(double t) => 1 - (1 - minimum) * Math.Pow(t, Exponent);

    public int Propose(ISessionView view) => OfferChoice.BestForOpponentAbove(view, Aspiration(view.RelativeTime));

    public Response Respond(ISessionView view, int offer) =>
        Acceptance.NextOrTime(view, offer, Propose(view)) ? Response.Accept : Response.Reject;
}

/// <summary>NegMAS's boulware setting, e = 4.</summary>
public sealed class BoulwareStrategy() : TimeDependentStrategy(4);

public sealed class LinearStrategy() : TimeDependentStrategy(1);

/// <summary>NegMAS's conceder setting, e = 0.25.</summary>
public sealed class ConcederStrategy() : TimeDependentStrategy(0.25);
