using System.Globalization;
using System.Net;
using System.Text;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

public sealed record DebriefRound(int Round, string Month, IReadOnlyList<string> Members, IReadOnlyList<RunEvent> Events,
    IReadOnlyList<DealRow> Deals, IReadOnlyList<string> Injected, IReadOnlyList<string> Moves, string? ClosedBy);

/// <summary>A team's game: its welfare each round next to the computer's in its seat, its deals and its offers.</summary>
public sealed record DebriefTeam(string TeamId, string TeamName, string Country, IReadOnlyList<double> Welfare, IReadOnlyList<double> ComputerWelfare,
    IReadOnlyList<DealRow> Deals, IReadOnlyList<OfferView> Offers, int Concessions);

public sealed record DebriefView(string ScenarioName, int Rounds, IReadOnlyList<DebriefRound> RoundsPlayed, IReadOnlyList<DebriefTeam> Teams);

/// <summary>
/// The class review. The counterfactual re-runs the whole game from the journal's inputs on a fresh reference engine
/// with one seat played by the computer (its team's moves and deals left out), so the difference is that team's doing.
/// </summary>
public sealed class DebriefCache
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

    private static async Task<DebriefView> BuildAsync(GameSnapshot s)
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

        var teams = new List<DebriefTeam>();
        var seen = g.History.SelectMany(h => h.Played).Concat(g.PlayedCountries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var country in seen)
        {
            var teamId = g.Seats[country] ?? g.Inputs.OfType<SeatChanged>().LastOrDefault(x => x.Country == country && x.TeamId is not null)?.TeamId;
            if (teamId is null) continue;
            var team = g.Teams[teamId];
            var actual = s.Reports.Select(r => Welfare(r, country)).ToArray();
            var computer = (await Counterfactual(s, country)).Select(r => Welfare(r, country)).ToArray();
            var deals = s.Reports.SelectMany(r => r.Deals).Where(d => d.Status == "signed" && (d.Buyer == country || d.Seller == country)).ToArray();
            teams.Add(new DebriefTeam(teamId, team.Name, country, actual, computer, deals,
                g.Offers.Values.Where(o => o.From == country || o.To == country).Select(o => WargameViews.Offer(s.Values, o, country)).ToArray(),
                Concessions(s, country)));
        }
        return new DebriefView(g.Created.ScenarioName, g.Rules.Rounds, rounds, teams);
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

    /// <summary>Offers the team made that were worth less to it than its previous offer to the same partner.</summary>
    private static int Concessions(GameSnapshot s, string country)
    {
        var count = 0;
        foreach (var partner in s.Game.Offers.Values.Where(o => o.From == country).GroupBy(o => o.To))
        {
            double? last = null;
            foreach (var o in partner.OrderBy(o => int.Parse(o.Id[1..], CultureInfo.InvariantCulture)))
            {
                if (!s.Values.TryGetValue(o.Id, out var v)) continue;
                var mine = o.Buyer == country ? v.Buyer : v.Seller;
                if (last is { } l && mine < l) count++;
                last = mine;
            }
        }
        return count;
    }
}

/// <summary>The debrief for grading: CSV (a row per team and round) and a self-contained HTML page (every name escaped).</summary>
public static class DebriefExport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Csv(DebriefView d)
    {
        var sb = new StringBuilder("team,country,round,welfare,computer_welfare,difference,deals_signed,concessions\n");
        foreach (var t in d.Teams)
            for (var k = 0; k < t.Welfare.Count; k++)
            {
                var round = k + 1;
                var cw = k < t.ComputerWelfare.Count ? t.ComputerWelfare[k] : double.NaN;
                sb.Append(Inv, $"{Field(t.TeamName)},{t.Country},{round},{t.Welfare[k]:R},{cw:R},{t.Welfare[k] - cw:R},{t.Deals.Count(x => x.Signed(round))},{t.Concessions}\n");
            }
        return sb.ToString();
    }

    private static bool Signed(this DealRow d, int round) => d.Start == round + 1;

    private static string Field(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static string E(string s) => WebUtility.HtmlEncode(s);

    public static string Html(DebriefView d)
    {
        var sb = new StringBuilder();
        sb.Append($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Debrief: {E(d.ScenarioName)}</title>");
        sb.Append("<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:2px 6px;text-align:left}</style></head><body>");
        sb.Append($"<h1>Debrief: {E(d.ScenarioName)}</h1>");
        foreach (var t in d.Teams)
        {
            sb.Append($"<h2>{E(t.TeamName)} ({E(t.Country)})</h2><p>Concessions: {t.Concessions}; deals signed: {t.Deals.Count}</p>");
            sb.Append("<table><tr><th>Round</th><th>Welfare ($/month)</th><th>Computer in the seat</th><th>Difference</th></tr>");
            for (var k = 0; k < t.Welfare.Count; k++)
            {
                var cw = k < t.ComputerWelfare.Count ? t.ComputerWelfare[k] : double.NaN;
                sb.Append(Inv, $"<tr><td>{k + 1}</td><td>{t.Welfare[k]:N0}</td><td>{cw:N0}</td><td>{t.Welfare[k] - cw:N0}</td></tr>");
            }
            sb.Append("</table><ul>");
            foreach (var deal in t.Deals) sb.Append($"<li>Deal {E(deal.Id)}: {E(deal.Buyer)} buys {E(deal.Mineral)} {E(deal.Stage)} from {E(deal.Seller)}, {E(deal.Note)}</li>");
            sb.Append("</ul>");
        }
        sb.Append("<h2>Round by round</h2>");
        foreach (var r in d.RoundsPlayed)
        {
            sb.Append($"<h3>Round {r.Round} ({E(r.Month)})</h3><p>Bloc: {E(string.Join(", ", r.Members))}</p><ul>");
            foreach (var i in r.Injected) sb.Append($"<li>Injected shock: {E(i)}</li>");
            foreach (var m in r.Moves) sb.Append($"<li>Move: {E(m)}</li>");
            foreach (var e in r.Events) sb.Append($"<li>{E(e.Kind)} {E(e.Country)}: {E(e.Reason)}</li>");
            sb.Append("</ul>");
        }
        sb.Append("</body></html>");
        return sb.ToString();
    }
}
