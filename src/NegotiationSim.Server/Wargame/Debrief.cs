using System.Globalization;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

public sealed record DebriefRound(int Round, string Month, IReadOnlyList<string> Members, IReadOnlyList<RunEvent> Events,
    IReadOnlyList<DealRow> Deals, IReadOnlyList<string> Injected, IReadOnlyList<string> Moves, string? ClosedBy);

/// <summary>
/// A team's game: its welfare each round next to the computer's in its seat, its deals and its offers; round by round
/// what each side did and why; the rounds that made the gap; its welfare chart (inline SVG).
/// </summary>
public sealed record DebriefTeam(string TeamId, string TeamName, string Country, IReadOnlyList<double> Welfare, IReadOnlyList<double> ComputerWelfare,
    IReadOnlyList<DealRow> Deals, IReadOnlyList<OfferView> Offers, int Concessions, IReadOnlyList<SeatRound> Rounds, IReadOnlyList<GapStep> Gap,
    string Chart);

public sealed record DebriefView(string ScenarioName, int Rounds, IReadOnlyList<DebriefRound> RoundsPlayed, IReadOnlyList<DebriefTeam> Teams,
    DebriefCharts Charts);

/// <summary>
/// The class review. The counterfactual re-runs the whole game from the journal's inputs on a fresh reference engine
/// with one seat played by the computer (its team's moves and deals left out), so the difference is that team's doing.
/// </summary>
/// <param name="parallelism">Re-runs at once; 0: one per core. Any value gives the same bytes (each re-run is its own engine).</param>
public sealed class DebriefCache(int parallelism = 0)
{
    private (long Version, DebriefView View)? _cached;

    private readonly SemaphoreSlim _building = new(1, 1);

    public async Task<DebriefView> GetAsync(WargameSession session)
    {
        await _building.WaitAsync(); // one build at a time; a second caller gets the first one's result
        try
        {
            if (_cached is { } c && c.Version == session.Version) return c.View;
            var snapshot = await session.SnapshotAsync();
            var view = await BuildAsync(snapshot);
            _cached = (snapshot.Version, view);
            return view;
        }
        finally { _building.Release(); }
    }

    private async Task<DebriefView> BuildAsync(GameSnapshot s)
    {
        var g = s.Game;
        var w = s.World;
        var rounds = s.Reports.Select(r =>
        {
            var closed = g.History.FirstOrDefault(h => h.Round == r.Round);
            var injected = g.InjectedFor(r.Round).Select(e => $"{EventMenu.Kind(e.Event)}: {EventMenu.Describe(w, e.Event)}").ToArray();
            var moves = closed?.Moves.OrderBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => $"{m.Key}: {m.Value.Effective.ToString().ToLowerInvariant()}{(m.Value.Threat != ThreatAnswer.None ? $" ({m.Value.Threat.ToString().ToLowerInvariant()} to the threat)" : "")}")
                .ToArray() ?? [];
            return new DebriefRound(r.Round, r.Month, r.Members, r.Events, r.Deals, injected, moves, closed?.Reason.ToString());
        }).ToArray();

        var seen = g.History.SelectMany(h => h.Played).Concat(g.PlayedCountries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        // A seat's team: the one in it now, else the last that held it, seated by the instructor or by its own pick.
        var seats = seen.Select(country => (Country: country,
                TeamId: g.Seats[country] ?? g.Inputs.Select(i => i switch
                {
                    SeatChanged c when c.Country == country => c.TeamId,
                    SeatClaimed c when c.Country == country => c.TeamId,
                    _ => null,
                }).LastOrDefault(t => t is not null)))
            .Where(x => x.TeamId is not null).ToArray();
        // The re-runs are independent (each its own engine on the same read-only scenario), so they share the cores: one
        // per core at a time, as more at once only hold more engines in memory and evict each other from the caches.
        var reruns = new IReadOnlyList<RoundReport>[seats.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount };
        await Parallel.ForEachAsync(Enumerable.Range(0, seats.Length), options, async (k, _) => reruns[k] = await Counterfactual(s, seats[k].Country));
        var months = s.Reports.Select(r => r.Month).ToArray();
        var teams = new List<DebriefTeam>();
        for (var k = 0; k < seats.Length; k++)
        {
            var (country, teamId) = seats[k];
            var team = g.Teams[teamId!];
            var actual = s.Reports.Select(r => Welfare(r, country)).ToArray();
            var computer = reruns[k].Select(r => Welfare(r, country)).ToArray();
            var deals = s.Reports.SelectMany(r => r.Deals).Where(d => d.Status == "signed" && (d.Buyer == country || d.Seller == country)).ToArray();
            var conceded = Conceded(s, country);
            var seatRounds = DebriefSeat.Rounds(s, country, reruns[k], conceded);
            teams.Add(new DebriefTeam(teamId!, team.Name, country, actual, computer, deals,
                g.OffersInOrder.Where(o => o.From == country || o.To == country).Select(o => WargameViews.Offer(s.Values, o, country)).ToArray(),
                conceded.Count, seatRounds, DebriefSeat.Story(seatRounds), DebriefCharts.Welfare(team.Name, country, months, actual, computer)));
        }
        return new DebriefView(g.Created.ScenarioName, g.Rules.Rounds, rounds, teams, DebriefCharts.Of(s));
    }

    /// <summary>The game again with <paramref name="country"/> played by the computer throughout.</summary>
    private static async Task<IReadOnlyList<RoundReport>> Counterfactual(GameSnapshot s, string country)
    {
        var g = s.Game;
        var simulation = new Simulation(s.Scenario, new ReferenceHost(s.Scenario));
        var reports = new List<RoundReport>();
        if (s.Reports.Count == 0) return reports;
        reports.Add(await simulation.RunRoundAsync(1, Directives.ForFirstRound(g, s.World, country)));
        foreach (var h in g.History) reports.Add(await simulation.RunRoundAsync(h.Round + 1, Directives.After(g, s.World, h.Round, country)));
        return reports;
    }

    /// <summary>Monthly welfare of a country vs the base year, summed over minerals ($/month).</summary>
    public static double Welfare(RoundReport r, string country) => r.Rows.Where(x => x.Country == country)
        .Sum(x => x.ConsumerSurplus + x.ProducerSurplus + x.TariffRevenue + x.ExportRent + x.Subsidy + x.ContractTransfer);

    /// <summary>The offers the team made that were worth less to it than its previous offer to the same partner.</summary>
    private static HashSet<string> Conceded(GameSnapshot s, string country)
    {
        var conceded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var partner in s.Game.OffersInOrder.Where(o => o.From == country).GroupBy(o => o.To))
        {
            double? last = null;
            foreach (var o in partner.OrderBy(o => int.Parse(o.Id[1..], CultureInfo.InvariantCulture)))
            {
                if (!s.Values.TryGetValue(o.Id, out var v)) continue;
                var mine = o.Buyer == country ? v.Buyer : v.Seller;
                if (last is { } l && mine < l) conceded.Add(o.Id);
                last = mine;
            }
        }
        return conceded;
    }
}
