namespace NegotiationSim.Core.Negotiation;

public enum SessionStatus { Running, Agreed, WalkedAway, Deadline }

/// <summary>One offer in a session: who made it, when, and what it is worth to each side ($ and normalised).</summary>
public sealed record OfferRecord(int Step, int Round, string By, int Outcome, double UtilityA, double UtilityB,
    double NormalisedA, double NormalisedB, string Response);

/// <summary>How a session ended and how good the result was against the benchmarks of MODEL.md §3.5.</summary>
public sealed record SessionOutcome(
    SessionStatus Status,
    int? Agreement,
    int Steps,
    double UtilityA,
    double UtilityB,
    double DiscountedA,
    double DiscountedB,
    int ZopaSize,
    int? NashPoint,
    double? DistanceToNash,
    double? DistanceToPareto,
    string Note);
