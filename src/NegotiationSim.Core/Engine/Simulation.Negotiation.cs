using System.Globalization;
using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Random;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>
/// The negotiation phase (MODEL.md §3, §6 step 3): screen partners, open a bounded number of sessions, run K steps of
/// each open session, sign the agreements (effective next round), and apply deals to the world. Runs in the coordinator
/// from the round's snapshot, so the reference engine and the grains give the same deals.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>Rounds before a pair may bargain over the same market again after a session failed.</summary>
    private const int RetryAfter = 12;

    private sealed class OpenSession(string id, PartnerScreen.Candidate candidate, BargainingSession session, int opened,
        string buyerStrategy, string sellerStrategy, DealFacts facts)
    {
        public string Id { get; } = id;
        public PartnerScreen.Candidate Candidate { get; } = candidate;
        public BargainingSession Session { get; } = session;
        public int Opened { get; } = opened;
        public string BuyerStrategy { get; } = buyerStrategy;
        public string SellerStrategy { get; } = sellerStrategy;
        public DealFacts Facts { get; } = facts;
    }

    private readonly List<OpenSession> _sessions = [];
    private readonly List<Deal> _deals = [];
    private readonly HashSet<string> _voided = [];
    private readonly HashSet<(string Deal, string Control)> _banChecked = [];
    private readonly Dictionary<(int, int, int, Stage), int> _lastTried = [];
    private readonly StrategyCatalog? _catalog;
    private int _sessionCount;

    private static StrategyCatalog? LoadCatalog(Scenario scenario) =>
        scenario.Negotiation is { } n ? StrategyCatalog.Load(n.StrategyAssemblies) : null;

    private IEnumerable<Deal> DealsInForce(int round) =>
        _deals.Where(d => d.Start <= round && round <= d.End && !_voided.Contains(d.Id));

    /// <summary>The deals' wedges for this round's markets: tariff cuts and contracted flows served first.</summary>
    private PolicyState WithDeals(PolicyState policy, int round)
    {
        var live = DealsInForce(round).ToArray();
        if (live.Length == 0) return policy;
        return policy with
        {
            TariffCuts = live.SelectMany(d => new[]
            {
                new TariffCut(d.Buyer, d.Seller, d.Mineral, d.BuyerCut),
                new TariffCut(d.Seller, d.Buyer, d.Mineral, d.SellerCut),
            }).Where(c => c.Cut > 0).ToArray(),
            Contracts = live.Where(d => d.Volume > 0).Select(d => new ContractFlow(d.Seller, d.Buyer, d.Mineral, d.Stage, d.Volume)).ToArray(),
        };
    }

    /// <summary>
    /// Force majeure (§3.6): a contract whose seller bans exports of its market to the buyer is voided with probability
    /// π_FM, drawn once per contract and ban from the seeded stream; otherwise it is served first despite the ban.
    /// </summary>
    private void ApplyForceMajeure(int round, List<RunEvent> events, List<DealRow> rows)
    {
        if (_scenario.Negotiation is not { } settings) return;
        var bans = _controls.InForce(round, _members).Where(c => c.AllowedShare == 0).ToArray();
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
                    rows.Add(DealRowOf(d, "voided", double.NaN, 0, why));
                    break;
                }
                events.Add(Row(round, "contract-honoured", d.Seller, d.Mineral, d.Stage, d.Volume,
                    $"{ban.Id} bans exports, but the contract with {_world.Countries[d.Buyer].Name} is honoured and served first"));
            }
        }
    }

    /// <summary>Contract settlements (§2.6, §3.6): the buyer gains (p_spot − p_c)·Q_c a month, the seller loses as much.</summary>
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
                var spot = r.Stages[(int)d.Stage].Price[d.Seller];
                var transfer = (spot - d.ContractPrice) * d.Volume;
                welfare[d.Buyer] = welfare[d.Buyer].Add(new WelfareRow(0, 0, 0, 0, 0, transfer));
                welfare[d.Seller] = welfare[d.Seller].Add(new WelfareRow(0, 0, 0, 0, 0, -transfer));
                rows.Add(DealRowOf(d, round == d.End ? "expired" : "in-force", spot, transfer,
                    round == d.End ? "last month of the contract" : ""));
            }
            adjusted[group.Key] = r with { Welfare = welfare };
        }
        return adjusted;
    }

    private async Task<IReadOnlyList<SessionReport>> NegotiateAsync(int round, IReadOnlyList<MineralResult> results,
        List<RunEvent> events, List<DealRow> rows)
    {
        if (_scenario.Negotiation is not { } settings || _catalog is null) return [];
        var finished = new List<SessionReport>();

        // Sessions carried over from earlier rounds take their next K steps first, in the order they opened.
        foreach (var open in _sessions.ToArray())
        {
            open.Session.Advance(settings.StepsPerRound, round);
            if (open.Session.Status != SessionStatus.Running) await CloseAsync(open, round, finished, events, rows);
        }

        var screen = new PartnerScreen(_world, results, _members, _scenario.Bloc, settings, _us, _china);
        var busy = _sessions.SelectMany(s => new[] { s.Candidate.Buyer, s.Candidate.Seller }).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var chosen = new List<(PartnerScreen.Candidate Candidate, int? HardDeadline)>();
        foreach (var c in screen.Candidates(_threats.Active.Select(t => (t.Target, t.Stages, t.Deadline)).ToArray()))
        {
            if (chosen.Count >= settings.SessionsPerRound) break;
            if (TeamPlays(c.Buyer) || TeamPlays(c.Seller)) continue; // teams bargain in their pages
            var key = (c.Buyer, c.Seller, c.Mineral, c.Stage);
            if (busy.GetValueOrDefault(c.Buyer) >= settings.SessionsPerCountry || busy.GetValueOrDefault(c.Seller) >= settings.SessionsPerCountry) continue;
            if (_sessions.Any(s => SamePair(s.Candidate, c)) || chosen.Any(x => SamePair(x.Candidate, c))) continue;
            if (DealsInForce(round + 1).Any(d => SamePair(d, c))) continue;
            if (_lastTried.TryGetValue(key, out var tried) && round - tried < RetryAfter) continue;
            int? hard = null;
            if (c.Deadline is { } due)
            {
                // The session must end before the Section 232 deadline round resolves the threat.
                hard = (due - round) * settings.StepsPerRound;
                if (hard <= 0) continue;
            }
            chosen.Add((c, hard));
            busy[c.Buyer] = busy.GetValueOrDefault(c.Buyer) + 1;
            busy[c.Seller] = busy.GetValueOrDefault(c.Seller) + 1;
        }
        if (chosen.Count == 0) return finished;

        var facts = await DealFactsAsync(round, results, chosen.Select(x => x.Candidate).ToArray());
        for (var k = 0; k < chosen.Count; k++)
        {
            var (c, hard) = chosen[k];
            _lastTried[(c.Buyer, c.Seller, c.Mineral, c.Stage)] = round;
            var buyer = _world.Countries[c.Buyer];
            var seller = _world.Countries[c.Seller];
            var (ua, ub, ra, rb) = DealValuation.Utilities(DealSpace.Standard, facts[k], SideOf(buyer), SideOf(seller),
                DealValuation.AlignmentToward(buyer, seller, _members[c.Seller]), DealValuation.AlignmentToward(seller, buyer, _members[c.Buyer]));
            var setup = new SessionSetup(buyer.Id, seller.Id, DealSpace.Standard, ua, ub, ra, rb, buyer.Stance.Patience,
                seller.Stance.Patience, settings.StepsPerRound, settings.MaxRounds, hard);
            var buyerStrategy = NegotiationSettings.DefaultStrategy(buyer);
            var sellerStrategy = NegotiationSettings.DefaultStrategy(seller);
            var id = $"S{++_sessionCount:D4}";
            var open = new OpenSession(id, c, new BargainingSession(setup, _catalog.Create(buyerStrategy), _catalog.Create(sellerStrategy)),
                round, buyerStrategy, sellerStrategy, facts[k]);
            _sessions.Add(open);
            events.Add(Row(round, "negotiation-opened", c.Buyer, c.Mineral, c.Stage, open.Session.Zopa.Count,
                $"{id} with {seller.Name}: {c.Reason}; ZOPA {open.Session.Zopa.Count} of {DealSpace.Standard.Count} outcomes; {buyerStrategy} vs {sellerStrategy}"));
            open.Session.Advance(settings.StepsPerRound, round);
            if (open.Session.Status != SessionStatus.Running) await CloseAsync(open, round, finished, events, rows);
        }
        return finished;
    }

    private static bool SamePair(PartnerScreen.Candidate a, PartnerScreen.Candidate b) =>
        a.Mineral == b.Mineral && ((a.Buyer == b.Buyer && a.Seller == b.Seller) || (a.Buyer == b.Seller && a.Seller == b.Buyer));

    private static bool SamePair(Deal d, PartnerScreen.Candidate c) =>
        d.Mineral == c.Mineral && ((d.Buyer == c.Buyer && d.Seller == c.Seller) || (d.Buyer == c.Seller && d.Seller == c.Buyer));

    private static Side SideOf(CountryDefinition c) =>
        new(c.Stance.Patience, c.Stance.Economic, c.Stance.Security, c.Stance.Autonomy, c.Stance.RiskAversion);

    private async Task CloseAsync(OpenSession open, int round, List<SessionReport> finished, List<RunEvent> events, List<DealRow> rows)
    {
        _sessions.Remove(open);
        var c = open.Candidate;
        var outcome = open.Session.Outcome();
        finished.Add(ReportOf(open, outcome));
        if (outcome.Agreement is not { } o)
        {
            events.Add(Row(round, "negotiation-failed", c.Buyer, c.Mineral, c.Stage, outcome.ZopaSize, $"{open.Id} with {_world.Countries[c.Seller].Name}: {outcome.Note}"));
            return;
        }
        var space = open.Session.Setup.Space;
        var months = (int)space.Value(o, DealSpace.Duration);
        var volume = space.Value(o, DealSpace.Volume) * open.Facts.SellerExports;
        var deal = new Deal(open.Id.Replace('S', 'D'), c.Buyer, c.Seller, c.Mineral, c.Stage, volume,
            open.Facts.Price * (1 + space.Value(o, DealSpace.Price)), round + 1, round + months,
            space.Value(o, DealSpace.BuyerCut), space.Value(o, DealSpace.SellerCut),
            space.Value(o, DealSpace.Investment) * open.Facts.BaseTranche, c.Stage == Stage.Ore && volume > 0 && space.Value(o, DealSpace.Processing) > 0, round);
        _deals.Add(deal);
        rows.Add(DealRowOf(deal, "signed", open.Facts.Price, 0, space.Describe(o)));
        events.Add(Row(round, "deal-signed", c.Buyer, c.Mineral, c.Stage, volume,
            $"{deal.Id} with {_world.Countries[c.Seller].Name} after {outcome.Steps + 1} offers: {space.Describe(o)}"));
        await ApplyDealAsync(deal, round, events);
    }

    /// <summary>A deal's one-off effects: capacity ordered, and a deal with the US ends the partner's Section 232 threat.</summary>
    private async Task ApplyDealAsync(Deal d, int round, List<RunEvent> events)
    {
        var orders = new List<CapacityOrder>();
        var lead = d.Stage == Stage.Ore ? _scenario.Settings.MineLeadTime : _scenario.Settings.PlantLeadTime;
        if (d.Investment > 0)
            orders.Add(new CapacityOrder(d.Seller, new MarketId(d.Mineral, d.Stage).Index, d.Investment, round + lead, $"financed by {_world.Countries[d.Buyer].Id} ({d.Id})"));
        if (d.ProcessInSeller)
            orders.Add(new CapacityOrder(d.Seller, new MarketId(d.Mineral, Stage.Refined).Index, d.Volume * OreToRefined(d.Mineral),
                round + _scenario.Settings.PlantLeadTime, $"processing clause of {d.Id}"));
        if (orders.Count > 0) await _host.OrderCapacityAsync(orders);
        foreach (var order in orders)
            events.Add(Row(round, "deal-investment", order.Country, d.Mineral, (Stage)(order.Market % Stages.Count), order.Added,
                $"{order.Reason}: +{order.Added:G4} t/month due in round {order.Arrival}"));
        if (_us < 0 || (d.Buyer != _us && d.Seller != _us)) return;
        var partner = d.Buyer == _us ? d.Seller : d.Buyer;
        var threat = _threats.For(partner);
        var duties = _threats.Duties.Where(x => x.Exporter == partner).ToArray();
        if (threat is null && duties.Length == 0) return;
        if (threat is not null) _threats.Active.Remove(threat);
        foreach (var x in duties) _threats.Duties.Remove(x);
        events.Add(Row(round, "section232-ended", partner, d.Mineral, null, 0, $"threat withdrawn: {_world.Countries[partner].Name} agreed deal {d.Id} with the US"));
    }

    private double OreToRefined(int mineral)
    {
        if (_last is null) return 1;
        var ore = _last[mineral].Stages[(int)Stage.Ore].Output.Sum();
        return ore > 0 ? _last[mineral].Stages[(int)Stage.Refined].Output.Sum() / ore : 1;
    }

    private DealRow DealRowOf(Deal d, string status, double spot, double transfer, string note) =>
        new(d.Id, status, _world.Countries[d.Buyer].Id, _world.Countries[d.Seller].Id, _world.Minerals[d.Mineral].Id,
            Stages.Name(d.Stage), d.Volume, d.ContractPrice, spot, d.Start, d.End, d.BuyerCut, d.SellerCut, d.Investment,
            d.ProcessInSeller, transfer, note);

    private SessionReport ReportOf(OpenSession open, SessionOutcome outcome)
    {
        var s = open.Session;
        var space = s.Setup.Space;
        var c = open.Candidate;
        return new SessionReport(open.Id, open.Opened, s.Setup.A, s.Setup.B, _world.Minerals[c.Mineral].Id, Stages.Name(c.Stage), c.Reason,
            open.BuyerStrategy, open.SellerStrategy, StatusName(outcome.Status), outcome.Note, outcome.Steps, s.Setup.Deadline, space.Count,
            outcome.ZopaSize, s.Setup.ReservationA, s.Setup.ReservationB, outcome.Agreement is { } a ? space.Describe(a) : "",
            outcome.UtilityA, outcome.UtilityB, outcome.NashPoint is { } nash ? space.Describe(nash) : "", outcome.DistanceToNash, outcome.DistanceToPareto,
            s.Transcript.Select(r => new OfferRow(r.Step, r.Round, r.By, r.Outcome, space.Describe(r.Outcome), r.UtilityA, r.UtilityB,
                r.NormalisedA, r.NormalisedB, r.Response)).ToArray());
    }

    public static string StatusName(SessionStatus s) => s switch
    {
        SessionStatus.Agreed => "agreed",
        SessionStatus.WalkedAway => "walked-away",
        SessionStatus.Deadline => "deadline",
        _ => "running",
    };

    /// <summary>The market facts of each new session, with its tariff-cut what-ifs valued in one host call (§2.5).</summary>
    private async Task<DealFacts[]> DealFactsAsync(int round, IReadOnlyList<MineralResult> results, PartnerScreen.Candidate[] chosen)
    {
        var cuts = DealSpace.Standard.Issues[DealSpace.BuyerCut].Values.Skip(1).ToArray();
        var probes = new List<TariffCutProbe>();
        foreach (var c in chosen)
        {
            foreach (var cut in cuts) probes.Add(new TariffCutProbe(c.Buyer, c.Seller, c.Mineral, cut, c.Buyer, c.Seller));
            foreach (var cut in cuts) probes.Add(new TariffCutProbe(c.Seller, c.Buyer, c.Mineral, cut, c.Buyer, c.Seller));
        }
        var gains = await _host.TariffCutGainsAsync(probes);
        var threatProbes = chosen.Select(c => _threats.For(c.Seller) is { } t && c.Buyer == _us
            ? new Section232Probe(c.Seller, _us, t.Stages, t.Rate) : null).ToArray();
        var live = threatProbes.Where(p => p is not null).Select(p => p!).ToArray();
        var losses = live.Length == 0 ? [] : await _host.Section232LossesAsync(live);
        var facts = new DealFacts[chosen.Length];
        var settings = _scenario.Settings;
        for (var k = 0; k < chosen.Length; k++)
        {
            var c = chosen[k];
            var st = results[c.Mineral].Stages[(int)c.Stage];
            var refined = results[c.Mineral].Stages[(int)Stage.Refined];
            var g = gains[c.Mineral];
            double[] Slice(int from) => Enumerable.Range(0, 2 * cuts.Length).Select(i => g[2 * (k * 2 * cuts.Length + from) + i]).ToArray();
            var price = st.Price[c.Seller];
            var valueAdded = st.ValueAdded[c.Seller] > 0 ? st.ValueAdded[c.Seller] : st.ValueAdded.Max();
            var refinedVa = refined.ValueAdded.Max() > 0 ? refined.ValueAdded.Where(v => v > 0).Average() : 0;
            var use = st.Use[c.Buyer];
            var fromChina = use > 0 && c.Seller != _china ? st.ImportsFromChina[c.Buyer] / use : 0;
            var pressure = _controls.Controls.Any(x => x.Mineral == c.Mineral && x.Exporter == _china && !_controls.Suspended.Contains(x.Id)) ? 0.1 : 0.01;
            var flooded = _floods.Any(f => f.Flood.Mineral == c.Mineral && f.Until >= round);
            var threatIndex = Array.IndexOf(live, threatProbes[k]);
            var threatLoss = threatIndex < 0 || threatProbes[k] is null ? 0
                : _threats.For(c.Seller)!.Credibility * losses.Sum(m => m[threatIndex]);
            // Offtake already promised by this seller in this market is not on offer again.
            var promised = _deals.Where(d => !_voided.Contains(d.Id) && d.End > round && d.Seller == c.Seller && d.Mineral == c.Mineral && d.Stage == c.Stage)
                .Sum(d => d.Volume);
            var tranche = settings.InvestmentStep * Math.Max(st.Output[c.Seller], 0.1 * use);
            facts[k] = new DealFacts(price, Math.Max(0, st.Exports[c.Seller] - promised), valueAdded, refinedVa, OreToRefined(c.Mineral), refined.Output[c.Buyer] > 0,
                tranche, c.Stage == Stage.Ore ? settings.MineLeadTime : settings.PlantLeadTime,
                settings.DisruptionHazard + fromChina * pressure, flooded ? 0.05 : 0.01, price * (1 - settings.FloodSubsidy),
                Slice(0), Slice(cuts.Length), Math.Max(0, threatLoss), c.Stage == Stage.Ore);
        }
        return facts;
    }
}
