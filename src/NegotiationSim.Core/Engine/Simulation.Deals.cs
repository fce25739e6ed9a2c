using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Random;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>Deals in the world (MODEL.md §3.6): force majeure under bans, contract settlements, and a signed deal's one-off effects.</summary>
public sealed partial class Simulation
{
    /// <summary>
    /// Force majeure (§3.6): a contract whose seller bans exports of its market to the buyer is voided with probability
    /// π_FM, drawn once per contract and ban from the seeded stream; otherwise it is served first despite the ban.
    /// </summary>
    private void ApplyForceMajeure(int round, List<RunEvent> events, List<DealRow> rows)
    {
        if (_scenario.Negotiation is not { } settings) return;
        var banIds = _controls.Controls.Where(c => c.Kind == ControlKind.Ban).Select(c => c.Id).ToHashSet();
        var bans = _controls.InForce(round, _members).Where(c => banIds.Contains(c.Id)).ToArray();
        for (var k = 0; k < _deals.Count; k++)
        {
            var d = _deals[k];
            if (_voided.Contains(d.Id) || round > d.End) continue;
            foreach (var ban in bans.Where(b => b.Exporter == d.Seller && b.Mineral == d.Mineral && b.Stages.Contains(d.Stage) && b.Targets[d.Buyer]))
            {
                if (!_banChecked.Add((d.Id, ban.Id))) continue;
                var draw = new DrawStream(_scenario.Seed, round, Phase.Negotiate, 1_000_000 + k).NextDouble();
                if (draw < settings.ForceMajeure)
                {
                    _voided.Add(d.Id);
                    var why = $"force majeure: {_world.Countries[d.Seller].Name} bans {_world.Minerals[d.Mineral].Name} exports ({ban.Id}); contract with {_world.Countries[d.Buyer].Name} void";
                    events.Add(Row(round, "force-majeure", d.Seller, d.Mineral, d.Stage, d.Volume, why));
                    rows.Add(DealRowOf(d, "voided", double.NaN, 0, why, 0));
                    break;
                }
                events.Add(Row(round, "contract-honoured", d.Seller, d.Mineral, d.Stage, d.Volume,
                    $"{ban.Id} bans exports, but the contract with {_world.Countries[d.Buyer].Name} is honoured and served first"));
            }
        }
    }

    /// <summary>
    /// Contract settlements (§2.6, §3.6): the buyer gains (p_spot − p_c)·Q_c a month on the tonnes the seller delivers,
    /// the seller loses as much. The tonnes themselves were served first in the market; only a seller whose capacity
    /// cannot cover its contracts delivers less, the same share of each. A buyer contracted beyond its use resells the
    /// excess at spot, so the settlement still covers every delivered tonne while the report shows what it took.
    /// </summary>
    private IReadOnlyList<MineralResult> SettleContracts(int round, IReadOnlyList<MineralResult> results, List<DealRow> rows)
    {
        var live = DealsInForce(round).ToArray();
        if (live.Length == 0) return results;
        var adjusted = results.ToArray();
        foreach (var group in live.GroupBy(d => d.Mineral))
        {
            var r = adjusted[group.Key];
            var welfare = r.Welfare.ToArray();
            foreach (var d in group)
            {
                var stage = r.Stages[(int)d.Stage];
                var spot = stage.Price[d.Seller];
                var delivered = d.Volume * stage.ContractServed[d.Seller];
                var taken = stage.ContractServed[d.Seller] < 1 ? delivered : delivered * stage.ContractTaken[d.Buyer];
                var transfer = (spot - d.ContractPrice) * delivered;
                welfare[d.Buyer] = welfare[d.Buyer].Add(new WelfareRow(0, 0, 0, 0, 0, transfer));
                welfare[d.Seller] = welfare[d.Seller].Add(new WelfareRow(0, 0, 0, 0, 0, -transfer));
                var note = delivered < d.Volume
                    ? $"capacity shortfall: {_world.Countries[d.Seller].Name} delivers {delivered / d.Volume:P0} of every contract"
                    : taken < delivered ? $"{_world.Countries[d.Buyer].Name} uses {taken / delivered:P0} of its contracted tonnes and resells the rest at spot"
                    : round == d.End ? "last month of the contract" : "";
                rows.Add(DealRowOf(d, round == d.End ? "expired" : "in-force", spot, transfer, note, taken));
            }
            adjusted[group.Key] = r with { Welfare = welfare };
        }
        return adjusted;
    }

    /// <summary>
    /// A deal's one-off effects: capacity ordered (due a lead time after the round it was signed in), and a deal with
    /// the US ends the partner's Section 232 threat. Events go into the report of <paramref name="reported"/> (default:
    /// the round signed; a team's deal is signed as of the round before the one that takes it).
    /// </summary>
    private async Task ApplyDealAsync(Deal d, int signed, List<RunEvent> events, int? reported = null)
    {
        var round = reported ?? signed;
        var orders = new List<CapacityOrder>();
        var lead = d.Stage == Stage.Ore ? _scenario.Settings.MineLeadTime : _scenario.Settings.PlantLeadTime;
        if (d.Investment > 0)
            orders.Add(new CapacityOrder(d.Seller, new MarketId(d.Mineral, d.Stage).Index, d.Investment, signed + lead, $"financed by {_world.Countries[d.Buyer].Id} ({d.Id})"));
        if (d.ProcessInSeller)
            orders.Add(new CapacityOrder(d.Seller, new MarketId(d.Mineral, Stage.Refined).Index, d.Volume * OreToRefined(d.Mineral),
                signed + _scenario.Settings.PlantLeadTime, $"processing clause of {d.Id}"));
        if (orders.Count > 0) await _host.OrderCapacityAsync(orders);
        foreach (var order in orders)
            events.Add(Row(round, "deal-investment", order.Country, d.Mineral, (Stage)(order.Market % Stages.Count), order.Added,
                $"{order.Reason}: +{order.Added:G4} t/month due in round {order.Arrival}"));
        if (_us < 0 || (d.Buyer != _us && d.Seller != _us)) return;
        EndSection232(round, d.Buyer == _us ? d.Seller : d.Buyer, d.Mineral, d.Id, events);
    }

    /// <summary>An agreement with the US ends the partner's Section 232 threat and any duty already imposed on it.</summary>
    private void EndSection232(int round, int partner, int mineral, string dealId, List<RunEvent> events)
    {
        var threat = _threats.For(partner);
        var duties = _threats.Duties.Where(x => x.Exporter == partner).ToArray();
        if (threat is null && duties.Length == 0) return;
        if (threat is not null) _threats.Active.Remove(threat);
        foreach (var x in duties) _threats.Duties.Remove(x);
        events.Add(Row(round, "section232-ended", partner, mineral, null, 0, $"threat withdrawn: {_world.Countries[partner].Name} agreed deal {dealId} with the US"));
    }

    private double OreToRefined(int mineral)
    {
        if (_last is null) return 1;
        var ore = _last[mineral].Stages[(int)Stage.Ore].Output.Sum();
        return ore > 0 ? _last[mineral].Stages[(int)Stage.Refined].Output.Sum() / ore : 1;
    }

    private DealRow DealRowOf(Deal d, string status, double spot, double transfer, string note, double delivered = double.NaN) =>
        new(d.Id, status, _world.Countries[d.Buyer].Id, _world.Countries[d.Seller].Id, _world.Minerals[d.Mineral].Id,
            Stages.Name(d.Stage), d.Volume, d.ContractPrice, spot, d.Start, d.End, d.BuyerCut, d.SellerCut, d.Investment,
            d.ProcessInSeller, transfer, note, delivered);

    /// <summary>The deal an agreed outcome signs in <paramref name="round"/>, in force from the next (MODEL.md §3.1, §3.2).</summary>
    private static Deal DealOf(OutcomeSpace space, string id, int buyer, int seller, int mineral, Stage stage, int o, DealFacts facts, int round)
    {
        var months = (int)space.Value(o, DealSpace.Duration);
        var volume = space.Value(o, DealSpace.Volume) * facts.SellerExports;
        return new Deal(id, buyer, seller, mineral, stage, volume, facts.Price * (1 + space.Value(o, DealSpace.Price)), round + 1, round + months,
            space.Value(o, DealSpace.BuyerCut), space.Value(o, DealSpace.SellerCut), space.Value(o, DealSpace.Investment) * facts.BaseTranche,
            stage == Stage.Ore && volume > 0 && space.Value(o, DealSpace.Processing) > 0, round);
    }
}
