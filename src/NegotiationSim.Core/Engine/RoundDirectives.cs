using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>
/// What people decided for a round, passed to <see cref="Simulation.RunRoundAsync(int, RoundDirectives)"/> (the classroom
/// war-game): the countries teams play (best response and automatic sessions skip them), their bloc choices, the deals
/// they agreed, and events injected by the instructor. <see cref="None"/> leaves the round exactly as the scenario runs it.
/// </summary>
/// <param name="Votes">Team-played members' votes on applications to join (a bloc whose admission is by vote); a member with none abstains.</param>
/// <param name="StandIns">
/// Seats a team holds in the game that the computer plays in this run (the debrief's counterfactual). Automatic sessions
/// are allocated among the other pairs exactly as in the game, where the seat's team bargains in its page; the stand-in's
/// own sessions come on top, so the two runs differ only by what is done in the seat.
/// </param>
public sealed record RoundDirectives(IReadOnlyList<int> Played, IReadOnlyList<BlocDirective> Bloc, IReadOnlyList<AgreedDeal> Deals,
    IReadOnlyList<ScheduledEvent> Events, IReadOnlyList<AdmissionBallot>? Votes = null, IReadOnlyList<int>? StandIns = null)
{
    public static RoundDirectives None { get; } = new([], [], [], []);
}

/// <summary>A team-played member's vote on <paramref name="Applicant"/>'s application: to admit (true) or to refuse.</summary>
public sealed record AdmissionBallot(int Voter, int Applicant, bool Admit);

/// <summary>A team-played country asks to join (true) or leave (false) the bloc; the bloc's notice periods still apply.</summary>
public sealed record BlocDirective(int Country, bool Join);

/// <summary>
/// A deal people agreed on an outcome of <see cref="Negotiation.DealSpace.Standard"/> while looking at the last round: signed
/// as of that round on its market when this round starts, in force from this round (as a session's agreement of that round is).
/// </summary>
public sealed record AgreedDeal(string Id, int Buyer, int Seller, int Mineral, Stage Stage, int Outcome);

/// <summary>What an outcome is worth to each side, in $ present value, against what each gets with no deal.</summary>
public sealed record OfferValue(double Buyer, double Seller, double BuyerReservation, double SellerReservation, double BuyerBest, double SellerBest, string Terms)
{
    /// <summary>
    /// Nothing would change hands: an offtake share of a seller that exports none of it, with no tariff cut and no
    /// investment. The values are then the valuation's never-sign sentinel, not money to show anyone.
    /// </summary>
    public bool CommitsNothing => Buyer <= DealValuation.NothingChangesHands;
}
