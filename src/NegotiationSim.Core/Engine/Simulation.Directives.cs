using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>
/// The war-game's hook into a round: team-played countries take their bloc decisions and deals from
/// <see cref="RoundDirectives"/> instead of best response and automatic sessions; injected events join the scenario's.
/// </summary>
public sealed partial class Simulation
{
    private RoundDirectives _directives = RoundDirectives.None;
    private int _lastRound;
    private readonly HashSet<int> _withdrawn = [];

    /// <summary>Runs a round with people's decisions in it; with <see cref="RoundDirectives.None"/> it is the plain round.</summary>
    public async Task<RoundReport> RunRoundAsync(int round, RoundDirectives directives)
    {
        _directives = directives;
        // Withdrawals hold from the round they are injected in, that round included (an event brought forward to its own round).
        foreach (var w in directives.Events.OfType<EventWithdrawn>()) _withdrawn.Add(w.Index);
        try { return await RunRoundAsync(round); }
        finally
        {
            _directives = RoundDirectives.None;
            _lastRound = round;
        }
    }

    private bool TeamPlays(int country) => _directives.Played.Contains(country);

    private IEnumerable<ScheduledEvent> ScheduledFor(int round) =>
        _scenario.Events.Where((e, k) => !_withdrawn.Contains(k)).Concat(_directives.Events).Where(e => e.Round == round);

    /// <summary>
    /// A team answers in the game round that shows simulated round − 1, after seeing that round as the computer does in
    /// its policy and negotiation phases; its answers reach the engine only now. So they count from round − 1, as the
    /// computer's would: a join under notice takes effect when a computer's decision of round − 1 would (before this
    /// round's Section 232 deadlines), and a deal agreed is signed as of round − 1, valued on round − 1's market (the one
    /// the team saw it valued on), in force from this round as a session's agreement of round − 1 is; a deal with the US
    /// ends the threat it answers before the deadline is judged. Without this a team that answers or agrees exactly as
    /// the computer would in the same round would still differ from it for a round (the game's one-round delay).
    /// </summary>
    private async Task TakeTeamAnswersAsync(int round, List<RunEvent> events, List<DealRow> rows)
    {
        if (_scenario.Bloc is not null)
            foreach (var j in _directives.Played.Distinct().Order())
                if (_joinAt[j] < 0 && _leaveAt[j] < 0 && _appliedAt[j] < 0) DirectMembership(round, j, events);
        if (_directives.Deals.Count == 0) return;
        if (_last is null) throw new InvalidOperationException("deals people agree are valued on a round's market: run a round before passing agreed deals");
        await SignAsync(round, round - 1, _last, _directives.Deals.Select(d => (d, "agreed by people")).ToList(), events, rows);
    }

    /// <summary>A team's bloc choice, under the same eligibility, founder and notice rules as the computer's, counted from round − 1.</summary>
    private void DirectMembership(int round, int j, List<RunEvent> events)
    {
        var bloc = _scenario.Bloc!;
        var choice = _directives.Bloc.LastOrDefault(b => b.Country == j);
        if (choice is null) return;
        var decided = round - 1;
        if (choice.Join && !_members[j] && bloc.IsEligible(j, _world))
            DecideToJoin(round, j, 0, "the team's decision", events, decided);
        else if (!choice.Join && _members[j] && !bloc.Founders.Contains(j))
        {
            _leaveAt[j] = decided + Math.Max(1, bloc.NoticeLeave);
            events.Add(Row(round, "decides-to-leave", j, -1, null, 0, "the team's decision"));
        }
    }

    /// <summary>The deals the scenario signs this round, valued on this round's market like an automatic session's agreement.</summary>
    private Task SignScheduledDealsAsync(int round, IReadOnlyList<MineralResult> results, List<RunEvent> events, List<DealRow> rows) =>
        SignAsync(round, round, results, ScheduledFor(round).OfType<ScheduledDeal>()
            .Select(d => (new AgreedDeal(d.Id, d.Buyer, d.Seller, d.Mineral, d.Stage, d.Outcome), "in the scenario")).ToList(), events, rows);

    /// <summary>
    /// Signs agreed deals as of round <paramref name="signed"/> on that round's market <paramref name="results"/> (in force
    /// from the round after); their rows and events go into the report of <paramref name="round"/>.
    /// </summary>
    private async Task SignAsync(int round, int signed, IReadOnlyList<MineralResult> results, List<(AgreedDeal Deal, string Why)> agreed,
        List<RunEvent> events, List<DealRow> rows)
    {
        if (agreed.Count == 0) return;
        var candidates = agreed.Select(a => new PartnerScreen.Candidate(a.Deal.Buyer, a.Deal.Seller, a.Deal.Mineral, a.Deal.Stage, 0, 0, a.Why)).ToArray();
        var facts = await DealFactsAsync(signed, results, candidates);
        var space = DealSpace.Standard;
        for (var k = 0; k < candidates.Length; k++)
        {
            var (a, why) = agreed[k];
            var deal = DealOf(space, a.Id, a.Buyer, a.Seller, a.Mineral, a.Stage, a.Outcome, facts[k], signed);
            _deals.Add(deal);
            rows.Add(DealRowOf(deal, "signed", facts[k].Price, 0, space.Describe(a.Outcome)));
            // The reason's form is the one team views parse to withhold terms (TeamSight): the deal row's start says when.
            events.Add(Row(round, "deal-signed", a.Buyer, a.Mineral, a.Stage, deal.Volume,
                $"{deal.Id} with {_world.Countries[a.Seller].Name}, {why}: {space.Describe(a.Outcome)}"));
            await ApplyDealAsync(deal, signed, events, round);
        }
    }

    /// <summary>
    /// What an outcome of <see cref="DealSpace.Standard"/> is worth to the buyer and the seller on the last round's
    /// market (the same valuation automatic sessions use), with each side's no-deal value and its best outcome.
    /// </summary>
    public async Task<OfferValue> ValueOfferAsync(int buyer, int seller, int mineral, Stage stage, int outcome)
    {
        if (_last is null) throw new InvalidOperationException("offers are valued on a round's market: run a round first");
        var space = DealSpace.Standard;
        if (!space.Contains(outcome)) throw new ArgumentOutOfRangeException(nameof(outcome), $"outcome {outcome} is not in the deal space (0..{space.Count - 1})");
        var candidate = new PartnerScreen.Candidate(buyer, seller, mineral, stage, 0, 0, "offer");
        var facts = (await DealFactsAsync(_lastRound, _last, [candidate]))[0];
        var b = _world.Countries[buyer];
        var s = _world.Countries[seller];
        var (ua, ub, ra, rb) = DealValuation.Utilities(space, facts, SideOf(b), SideOf(s),
            DealValuation.AlignmentToward(b, s, _members[seller]), DealValuation.AlignmentToward(s, b, _members[buyer]));
        return new OfferValue(ua[outcome], ub[outcome], ra, rb, ua.Max(), ub.Max(), space.Describe(outcome));
    }
}
