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
        string buyerStrategy, string sellerStrategy, DealFacts facts, bool standIn)
    {
        /// <summary>Opened for a stand-in seat (<see cref="RoundDirectives.StandIns"/>): not counted in the other pairs' allocation.</summary>
        public bool StandIn { get; } = standIn;
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
        var candidates = screen.Candidates(_threats.Active.Select(t => (t.Target, t.Stages, t.Deadline)).ToArray());
        // The other pairs are allocated as if the stand-in seats were played by their teams (which bargain in their pages and
        // hold no session slot), so a counterfactual's world differs from the game's only by what is done in the seat.
        var standIns = _directives.StandIns ?? [];
        var busy = _sessions.Where(s => !s.StandIn).SelectMany(s => new[] { s.Candidate.Buyer, s.Candidate.Seller })
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var chosen = Choose(round, settings, candidates, busy, c => !TeamPlays(c.Buyer) && !TeamPlays(c.Seller)
            && !standIns.Contains(c.Buyer) && !standIns.Contains(c.Seller), _ => true);
        await OpenAsync(round, results, settings, chosen, false, finished, events, rows);
        if (standIns.Count == 0) return finished;

        // Then the stand-in's own sessions, on top: a team's offers take no slot and do not count against its partners'
        // limits, so the computer in its seat is held only to its own (sessions per country) and to sessions per round.
        var mine = _sessions.SelectMany(s => new[] { s.Candidate.Buyer, s.Candidate.Seller }).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var extra = Choose(round, settings, candidates, mine, c => !TeamPlays(c.Buyer) && !TeamPlays(c.Seller)
            && (standIns.Contains(c.Buyer) || standIns.Contains(c.Seller)), standIns.Contains);
        await OpenAsync(round, results, settings, extra, true, finished, events, rows);
        return finished;
    }

    /// <summary>
    /// Up to sessions-per-round candidates, in the screen's order, that <paramref name="eligible"/> admits: no pair twice,
    /// none already bargaining or bound by a deal next round, none tried within <see cref="RetryAfter"/> rounds, each able
    /// to end before a Section 232 deadline it answers; a country whose <paramref name="capped"/> holds may run at most
    /// sessions-per-country at once (counting <paramref name="busy"/>).
    /// </summary>
    private List<(PartnerScreen.Candidate Candidate, int? HardDeadline)> Choose(int round, NegotiationSettings settings,
        IEnumerable<PartnerScreen.Candidate> candidates, Dictionary<int, int> busy, Func<PartnerScreen.Candidate, bool> eligible, Func<int, bool> capped)
    {
        var chosen = new List<(PartnerScreen.Candidate Candidate, int? HardDeadline)>();
        foreach (var c in candidates)
        {
            if (chosen.Count >= settings.SessionsPerRound) break;
            if (!eligible(c)) continue; // teams bargain in their pages
            var key = (c.Buyer, c.Seller, c.Mineral, c.Stage);
            if ((capped(c.Buyer) && busy.GetValueOrDefault(c.Buyer) >= settings.SessionsPerCountry)
                || (capped(c.Seller) && busy.GetValueOrDefault(c.Seller) >= settings.SessionsPerCountry)) continue;
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
        return chosen;
    }

    /// <summary>Opens the chosen sessions on this round's market and runs their first K steps.</summary>
    private async Task OpenAsync(int round, IReadOnlyList<MineralResult> results, NegotiationSettings settings,
        List<(PartnerScreen.Candidate Candidate, int? HardDeadline)> chosen, bool standIn, List<SessionReport> finished, List<RunEvent> events, List<DealRow> rows)
    {
        if (chosen.Count == 0) return;
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
            var open = new OpenSession(id, c, new BargainingSession(setup, _catalog!.Create(buyerStrategy), _catalog.Create(sellerStrategy)),
                round, buyerStrategy, sellerStrategy, facts[k], standIn);
            _sessions.Add(open);
            events.Add(Row(round, "negotiation-opened", c.Buyer, c.Mineral, c.Stage, open.Session.Zopa.Count,
                $"{id} with {seller.Name}: {c.Reason}; ZOPA {open.Session.Zopa.Count} of {DealSpace.Standard.Count} outcomes; {buyerStrategy} vs {sellerStrategy}"));
            open.Session.Advance(settings.StepsPerRound, round);
            if (open.Session.Status != SessionStatus.Running) await CloseAsync(open, round, finished, events, rows);
        }
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
        var deal = DealOf(open.Session.Setup.Space, open.Id.Replace('S', 'D'), c.Buyer, c.Seller, c.Mineral, c.Stage, o, open.Facts, round);
        _deals.Add(deal);
        var terms = DealSpace.Describe(o, c.Stage == Stage.Ore);
        rows.Add(DealRowOf(deal, "signed", open.Facts.Price, 0, terms));
        events.Add(Row(round, "deal-signed", c.Buyer, c.Mineral, c.Stage, deal.Volume,
            $"{deal.Id} with {_world.Countries[c.Seller].Name} after {Plural.Of(outcome.Steps + 1, "offer")}: {terms}"));
        await ApplyDealAsync(deal, round, events);
    }

    private SessionReport ReportOf(OpenSession open, SessionOutcome outcome)
    {
        var s = open.Session;
        var space = s.Setup.Space;
        var c = open.Candidate;
        string Terms(int o) => ReferenceEquals(space, DealSpace.Standard) ? DealSpace.Describe(o, c.Stage == Stage.Ore) : space.Describe(o);
        return new SessionReport(open.Id, open.Opened, s.Setup.A, s.Setup.B, _world.Minerals[c.Mineral].Id, Stages.Name(c.Stage), c.Reason,
            open.BuyerStrategy, open.SellerStrategy, StatusName(outcome.Status), outcome.Note, outcome.Steps, s.Setup.Deadline, space.Count,
            outcome.ZopaSize, s.Setup.ReservationA, s.Setup.ReservationB, outcome.Agreement is { } a ? Terms(a) : "",
            outcome.UtilityA, outcome.UtilityB, outcome.NashPoint is { } nash ? Terms(nash) : "", outcome.DistanceToNash, outcome.DistanceToPareto,
            s.Transcript.Select(r => new OfferRow(r.Step, r.Round, r.By, r.Outcome, Terms(r.Outcome), r.UtilityA, r.UtilityB,
                r.NormalisedA, r.NormalisedB, r.Response)).ToArray());
    }

    public static string StatusName(SessionStatus s) => s switch
    {
        SessionStatus.Agreed => "agreed",
        SessionStatus.WalkedAway => "walked-away",
        SessionStatus.Deadline => "deadline",
        _ => "running",
    };
}
