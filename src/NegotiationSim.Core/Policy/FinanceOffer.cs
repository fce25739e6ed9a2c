using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Policy;

/// <summary>
/// A financing offer (EXIM/DFC loan, equity stake, framework project money; MODEL.md §4.1 Transfers, §5.5 "capacity
/// someone else finances"): <paramref name="Lender"/> pays <paramref name="Amount"/> $ for <paramref name="AddedPerMonth"/>
/// t/month of new capacity in <paramref name="Country"/>'s <paramref name="Mineral"/> × <paramref name="Stage"/>,
/// arriving <paramref name="LeadTime"/> rounds after the money is committed. With <paramref name="RequiresMembership"/>
/// the money is committed only once the country is a bloc member, and until then the offer counts in its membership
/// payoff; the offer stays open to the end of the run.
/// </summary>
public sealed record FinanceOffer(int Round, int Lender, int Country, int Mineral, Stage Stage, double Amount,
    double AddedPerMonth, int LeadTime, bool RequiresMembership) : ScheduledEvent(Round);
