using System.Text.Json.Serialization;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Policy;

/// <summary>Something a scenario schedules for a round (1-based). Countries and minerals are world indices.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[JsonDerivedType(typeof(Section232Threat), "section232")]
[JsonDerivedType(typeof(ExportControl), "export_control")]
[JsonDerivedType(typeof(ControlSuspension), "suspend_control")]
[JsonDerivedType(typeof(Disruption), "disruption")]
[JsonDerivedType(typeof(Flood), "flood")]
[JsonDerivedType(typeof(StockpileProgramme), "stockpile")]
[JsonDerivedType(typeof(MembershipMove), "membership")]
[JsonDerivedType(typeof(ScheduledDeal), "deal")]
[JsonDerivedType(typeof(FinanceOffer), "finance")]
[JsonDerivedType(typeof(EventWithdrawn), "withdrawn")]
public abstract record ScheduledEvent(int Round);

/// <summary>
/// The US names exporters of processed minerals: agree (join the bloc) by <paramref name="Deadline"/> or face
/// <paramref name="Rate"/> on their exports of <paramref name="Stages"/> to the US, imposed with probability
/// <paramref name="Credibility"/>. Null targets = every non-member exporting processed minerals to the US.
/// </summary>
public sealed record Section232Threat(int Round, IReadOnlyList<int>? Targets, IReadOnlyList<Stage> Stages,
    double Rate, double Credibility, int Deadline) : ScheduledEvent(Round);

public enum ControlKind { Ban, Licence, Quota }

/// <summary>Who an export control applies to: everyone else, the bloc's members, or a list.</summary>
public sealed record TargetSet(bool All, bool Bloc, IReadOnlyList<int> Countries)
{
    public static TargetSet Everyone { get; } = new(true, false, []);
    public bool Includes(int country, bool isMember) => All || (Bloc && isMember) || Countries.Contains(country);
}

/// <summary>An export control (MODEL.md §5.1), announced at Round and biting from Effective.</summary>
public sealed record ExportControl(int Round, string Id, int Exporter, int Mineral, IReadOnlyList<Stage> Stages,
    TargetSet Targets, ControlKind Kind, int Effective, int LicenceDelay, double ApprovalRamp, double QuotaShare,
    double Leakage, double LeakCost, double EnforcementDecay, IReadOnlyList<int> Hubs) : ScheduledEvent(Round);

public sealed record ControlSuspension(int Round, string ControlId) : ScheduledEvent(Round);

/// <summary>
/// The scenario's event at <paramref name="Index"/> (its place in the scenario's events) does not fire at its own round:
/// a war-game's instructor brought it forward, and a shock happens once. Only injected, never written in a scenario.
/// </summary>
public sealed record EventWithdrawn(int Round, int Index) : ScheduledEvent(Round);

public sealed record Disruption(int Round, int Country, int Mineral, Stage Stage, double Severity, int Duration) : ScheduledEvent(Round);

/// <summary>Predatory pricing: an export subsidy on a market for a while (MODEL.md §5.2).</summary>
public sealed record Flood(int Round, int Exporter, int Mineral, Stage Stage, double Subsidy, int Duration) : ScheduledEvent(Round);

/// <summary>
/// A public stockpile programme (MODEL.md §5.4), e.g. Project Vault. It buys while the price is below its reference:
/// <paramref name="BuyBelow"/> × the base price when given (a programme that "buys steadily"), else the bloc's floor,
/// else the 12-month average price.
/// </summary>
public sealed record StockpileProgramme(int Round, int Country, double Budget, IReadOnlyList<int> Minerals,
    double BuyRate, double ReleaseRate, double ReleaseTrigger, double BuyBelow = double.NaN) : ScheduledEvent(Round);

/// <summary>A forced membership move written into the scenario (a political decision the model does not make).</summary>
public sealed record MembershipMove(int Round, int Country, bool Join) : ScheduledEvent(Round);

/// <summary>
/// A bilateral deal the scenario signs in <paramref name="Round"/> (e.g. a framework agreement already in force), on an
/// outcome of the standard deal space (Negotiation.DealSpace.Standard). It is valued and applied like a negotiated deal
/// and is in force from the next round.
/// </summary>
public sealed record ScheduledDeal(int Round, string Id, int Buyer, int Seller, int Mineral, Stage Stage, int Outcome) : ScheduledEvent(Round);
