using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>
/// What people decided for a round, passed to <see cref="Simulation.RunRoundAsync(int, RoundDirectives)"/> (the classroom
/// war-game): the countries teams play (best response and automatic sessions skip them), their bloc choices, the deals
/// they agreed, and events injected by the instructor. <see cref="None"/> leaves the round exactly as the scenario runs it.
/// </summary>
/// <param name="Votes">Team-played members' votes on applications to join (a bloc whose admission is by vote); a member with none abstains.</param>
public sealed record RoundDirectives(IReadOnlyList<int> Played, IReadOnlyList<BlocDirective> Bloc, IReadOnlyList<AgreedDeal> Deals,
    IReadOnlyList<ScheduledEvent> Events, IReadOnlyList<AdmissionBallot>? Votes = null)
{
    public static RoundDirectives None { get; } = new([], [], [], []);
}

/// <summary>A team-played member's vote on <paramref name="Applicant"/>'s application: to admit (true) or to refuse.</summary>
public sealed record AdmissionBallot(int Voter, int Applicant, bool Admit);

/// <summary>A team-played country asks to join (true) or leave (false) the bloc; the bloc's notice periods still apply.</summary>
public sealed record BlocDirective(int Country, bool Join);

/// <summary>A deal people agreed on an outcome of <see cref="Negotiation.DealSpace.Standard"/>; signed this round, in force from the next.</summary>
public sealed record AgreedDeal(string Id, int Buyer, int Seller, int Mineral, Stage Stage, int Outcome);

/// <summary>What an outcome is worth to each side, in $ present value, against what each gets with no deal.</summary>
public sealed record OfferValue(double Buyer, double Seller, double BuyerReservation, double SellerReservation, double BuyerBest, double SellerBest, string Terms);
