namespace NegotiationSim.Core.Negotiation;

/// <summary>Acceptance conditions of Baarslag, Hindriks &amp; Jonker (2011), as MODEL.md §3.4 uses them.</summary>
public static class Acceptance
{
    /// <summary>AC_time's threshold: from this relative time on, anything at or above the reservation value is accepted.</summary>
    public const double LateTime = 0.95;

    /// <summary>AC_next: the offer is worth at least what I would offer next.</summary>
    public static bool Next(ISessionView view, int offer, int myNext) => view.Utility(offer) >= view.Utility(myNext);

    /// <summary>AC_time: near the deadline, anything better than no deal.</summary>
    public static bool Time(ISessionView view, int offer) => view.RelativeTime >= LateTime && view.Utility(offer) >= 0;

    /// <summary>AC_next or AC_time, never below the reservation value.</summary>
    public static bool NextOrTime(ISessionView view, int offer, int myNext) =>
        view.Utility(offer) >= 0 && (Next(view, offer, myNext) || Time(view, offer));
}
