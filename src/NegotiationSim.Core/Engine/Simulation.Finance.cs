using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>Financing offers (MODEL.md §4.1 Transfers, §5.5): capacity that someone else pays for.</summary>
public sealed partial class Simulation
{
    /// <summary>
    /// A conditional offer's worth to its recipient per round in the membership payoff: the money spread over a
    /// ten-year project life [A]. Without it a country would value a one-off sum as if paid every month.
    /// </summary>
    private const int FinanceHorizonRounds = 120;

    private readonly List<FinanceOffer> _openOffers = [];
    private readonly List<(int Country, int Market, double Added, int Arrival)> _financeOrders = [];

    private void OpenOffer(int round, FinanceOffer f, List<RunEvent> events)
    {
        _openOffers.Add(f);
        var condition = f.RequiresMembership ? $"if it joins {_scenario.Bloc?.Name ?? "the bloc"}" : "unconditionally";
        events.Add(Row(round, "finance-offered", f.Country, f.Mineral, f.Stage, f.Amount,
            $"{_world.Countries[f.Lender].Name} offers {f.Amount / 1e9:F2} bn $ for +{f.AddedPerMonth * 12:N0} t/yr of {Stages.Name(f.Stage)} {_world.Minerals[f.Mineral].Name} capacity {condition}; arrives {Plural.Of(f.LeadTime, "round")} after commitment"));
    }

    /// <summary>Commits every open offer whose condition now holds; the countries add the capacity to their pipelines this round.</summary>
    private void CommitFinance(int round, List<RunEvent> events)
    {
        _financeOrders.Clear();
        foreach (var f in _openOffers.Where(f => !f.RequiresMembership || _members[f.Country]).ToArray())
        {
            _openOffers.Remove(f);
            var arrival = round + f.LeadTime;
            _financeOrders.Add((f.Country, new MarketId(f.Mineral, f.Stage).Index, f.AddedPerMonth, arrival));
            events.Add(Row(round, "finance-committed", f.Country, f.Mineral, f.Stage, f.Amount,
                $"{f.Amount / 1e9:F2} bn $ from {_world.Countries[f.Lender].Name} committed{(f.RequiresMembership ? " now that it is a member" : "")}: +{f.AddedPerMonth * 12:N0} t/yr due in round {arrival}"));
        }
    }

    private IReadOnlyList<(int Market, double Added, int Arrival)> FinancedFor(int country) =>
        _financeOrders.Where(o => o.Country == country).Select(o => (o.Market, o.Added, o.Arrival)).ToArray();

    /// <summary>Money still on offer to <paramref name="country"/> if it joins, per round (the Transfers term of §4.1).</summary>
    private double FinanceOnJoining(int country) =>
        _openOffers.Where(f => f.RequiresMembership && f.Country == country).Sum(f => f.Amount) / FinanceHorizonRounds;
}
